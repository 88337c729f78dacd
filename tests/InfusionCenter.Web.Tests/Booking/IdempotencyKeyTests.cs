using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>
/// API.md "Lifecycles": <c>POST /api/appointments</c> with an <c>Idempotency-Key</c> header. A client that retries after a
/// timeout gets the first answer back, never a second appointment or a 409 against its own booking. On the real clock,
/// bookings in March 2029 on chairs and patients of each test's own.
/// </summary>
public sealed class IdempotencyKeyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private static HttpRequestMessage Booking(string? key, int patientId, int chairId, string start, int minutes = 60)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments") { Content = JsonContent.Create(new { patientId, chairId, start, minutes }) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private async Task<int> AppointmentsOfPatientAsync(int patientId)
    {
        await using var db = await fixture.App.CreateDbContextAsync();
        return await db.Appointments.CountAsync(a => a.PatientId == patientId);
    }

    private async Task<int> RecordsOfKeyAsync(string key)
    {
        await using var db = await fixture.App.CreateDbContextAsync();
        return await db.IdempotencyRecords.CountAsync(r => r.Key == key && r.Operation == "book-appointment");
    }

    [Fact]
    public async Task Book_RepeatedWithTheSameKeyAndBody_AnswersTheFirst201Again_AndBooksOnce()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var key = NewKey();

        using var first = await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-13T09:00"));
        using var second = await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-13T09:00"));

        var firstBody = await first.Content.ReadAsStringAsync();
        var secondBody = await second.Content.ReadAsStringAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.Created, firstBody);
        second.StatusCode.ShouldBe(HttpStatusCode.Created, secondBody);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        secondBody.ShouldBe(firstBody);
        var id = JsonDocument.Parse(firstBody).RootElement.Id();
        first.Headers.Location!.ToString().ShouldEndWith($"/api/appointments/{id}");
        (await AppointmentsOfPatientAsync(patientId)).ShouldBe(1);
        (await RecordsOfKeyAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task Book_TheSameKeyWithAnotherBody_Is422SayingTheKeyWasUsed_AndBooksNothingMore()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var key = NewKey();
        await Api.ReadAsync(await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-14T09:00")), HttpStatusCode.Created);

        var reused = await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-14T13:00"));

        var problem = await Api.ProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("Idempotency-Key was already used");
        (await AppointmentsOfPatientAsync(patientId)).ShouldBe(1);
    }

    [Fact]
    public async Task Book_TenConcurrentRequestsWithOneKey_AllAnswer201WithTheSameAppointment_OneIsStored()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _client.SendAsync(Booking(key, patientId, chairId, "2029-03-15T10:00", 90))));

        var answers = new List<(HttpStatusCode Status, string Body, Uri? Location)>();
        foreach (var response in responses)
        {
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location));
            response.Dispose();
        }

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created, string.Join("\n", answers.Select(a => $"{(int)a.Status} {a.Body}")));
        answers.Select(a => JsonDocument.Parse(a.Body).RootElement.Id()).Distinct().Count().ShouldBe(1);
        answers.Select(a => a.Location).Distinct().Count().ShouldBe(1);
        (await AppointmentsOfPatientAsync(patientId)).ShouldBe(1);
        (await RecordsOfKeyAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task Book_KeysAreEachUsersOwn_AnotherUsersSameKeyBooksItsOwnRequest()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var key = NewKey();
        var adminBooking = await Api.ReadAsync(await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-20T09:00")), HttpStatusCode.Created);

        var nurseBooking = await Api.ReadAsync(await nurse.SendAsync(Booking(key, patientId, chairId, "2029-03-20T13:00")), HttpStatusCode.Created);

        nurseBooking.Id().ShouldNotBe(adminBooking.Id());
        (await AppointmentsOfPatientAsync(patientId)).ShouldBe(2);
    }

    [Fact]
    public async Task Book_RefusedWithAKey_StoresNoAnswer_SoTheKeyBooksOnceTheChairIsFree()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var other = await Api.CreatePatientAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var blocking = await AppointmentTestSupport.BookedAsync(_client, other, chairId, "2029-03-21T09:00", 60);
        var key = NewKey();

        await Api.ProblemAsync(await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-21T09:00")), HttpStatusCode.Conflict);
        (await RecordsOfKeyAsync(key)).ShouldBe(0);
        (await _client.DeleteAsync($"/api/appointments/{blocking.Id()}?reason=freed")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var booked = await Api.ReadAsync(await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-21T09:00")), HttpStatusCode.Created);

        await using var db = await fixture.App.CreateDbContextAsync();
        var record = await db.IdempotencyRecords.SingleAsync(r => r.Key == key);
        record.StatusCode.ShouldBe(201);
        record.Location.ShouldBe($"/api/appointments/{booked.Id()}");
        record.User.ShouldBe("admin@infusion.test");
    }

    [Theory]
    [InlineData(201, 'k')]
    [InlineData(12, '\0')]
    [InlineData(12, '\u0001')]
    [InlineData(12, '\t')]
    [InlineData(12, '\u007f')]
    public async Task Book_AKeyTooLongOrWithControlCharacters_Is400NamingTheHeader_AndBooksNothing(int length, char filler)
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var key = length > 200 ? new string(filler, length) : "key" + filler + new string('x', length);

        var response = await _client.SendAsync(Booking(key, patientId, chairId, "2029-03-22T09:00"));

        await Api.ValidationProblemAsync(response, "Idempotency-Key");
        (await AppointmentsOfPatientAsync(patientId)).ShouldBe(0);
    }

    [Fact]
    public async Task Book_AKeyOfExactly200Characters_IsAccepted()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ReadAsync(await _client.SendAsync(Booking(new string('k', 200), patientId, chairId, "2029-03-22T11:00")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task StoredAnswers_OlderThanADay_ArePurged_AndARetryThenBooksAnew()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var (oldKey, newKey) = (NewKey(), NewKey());
        await Api.ReadAsync(await _client.SendAsync(Booking(oldKey, patientId, chairId, "2029-03-26T09:00")), HttpStatusCode.Created);
        await Api.ReadAsync(await _client.SendAsync(Booking(newKey, patientId, chairId, "2029-03-26T11:00")), HttpStatusCode.Created);
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            await db.IdempotencyRecords.Where(r => r.Key == oldKey).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, r => r.CreatedAt.AddHours(-25)));
        }

        var purge = fixture.App.Services.GetRequiredService<Web.Features.Booking.IdempotencyPurge>();
        (await purge.PurgeAsync()).ShouldBeGreaterThanOrEqualTo(1);

        (await RecordsOfKeyAsync(oldKey)).ShouldBe(0);
        (await RecordsOfKeyAsync(newKey)).ShouldBe(1);
        // The recent key still answers as the first time; the purged one is a new request (the slot is taken: 409).
        await Api.ReadAsync(await _client.SendAsync(Booking(newKey, patientId, chairId, "2029-03-26T11:00")), HttpStatusCode.Created);
        (await _client.SendAsync(Booking(oldKey, patientId, chairId, "2029-03-26T09:00"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
