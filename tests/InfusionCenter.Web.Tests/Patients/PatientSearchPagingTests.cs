using System.Net;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Patients;

/// <summary>
/// Issue 12, "Faults": <c>take=2147483647</c> asked for every patient at once. <c>GET /api/patients</c> pages 1–200
/// patients at a time; a larger (or smaller) <c>take</c>, or a negative <c>skip</c>, is a 400 naming the field and its limit.
/// </summary>
public sealed class PatientSearchPagingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Theory]
    [InlineData("2147483647")]
    [InlineData("201")]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Search_TakeOutside1To200_Is400NamingTheLimit(string take)
    {
        var response = await _client.GetAsync($"/api/patients?search=a&take={take}");

        await Api.ValidationProblemAsync(response, "take");
        var problem = await Api.ReadAsync(await _client.GetAsync($"/api/patients?take={take}"), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("take")[0].GetString().ShouldBe("take must be between 1 and 200 (patients per page).");
    }

    [Fact]
    public async Task Search_NegativeSkip_Is400AtSkip()
    {
        await Api.ValidationProblemAsync(await _client.GetAsync("/api/patients?skip=-1"), "skip");
    }

    [Fact]
    public async Task Search_TakeAtTheLimit_AnswersThatPage_WithTheTotal()
    {
        await Api.CreatePatientAsync(_client, "Pagingtest");
        await Api.CreatePatientAsync(_client, "Pagingtest");

        var page = await Api.ReadAsync(await _client.GetAsync("/api/patients?take=200"), HttpStatusCode.OK);
        var one = await Api.ReadAsync(await _client.GetAsync("/api/patients?search=Pagingtest&take=1"), HttpStatusCode.OK);

        page.GetProperty("items").GetArrayLength().ShouldBe(Math.Min(200, page.GetProperty("total").GetInt32()));
        one.GetProperty("total").GetInt32().ShouldBe(2);
        one.GetProperty("items").GetArrayLength().ShouldBe(1);
    }
}
