using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Auth;

/// <summary>
/// The role matrix (issue: every endpoint x {anonymous, nurse, coordinator, manager, admin}), token sign-in,
/// lockout, no self-registration, and audit rows with the acting user.
/// </summary>
public sealed class AuthTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string A = "anonymous", N = "Nurse", C = "Coordinator", M = "Manager", D = "Admin";

    /// <summary>An endpoint and who may use it; the request is built per call so writes don't collide.</summary>
    public sealed record Case(string Name, Func<Ctx, HttpRequestMessage> Request, string[] Allowed);

    public sealed record Ctx(int PatientId, int DoseId, int RegimenId, int AppointmentId, string AppointmentStart, int FreshAppointmentId, int ChairId, string FreeStart, string Unique, string GateCode, int TodayAppointmentId = 0,
        int CoverageId = 0, int AuthorizationId = 0, int OrderId = 0);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Send(HttpMethod method, string url, object? body = null) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    public static readonly Case[] Matrix =
    [
        new("GET /api/protocols", _ => Get("/api/protocols"), [N, C, M, D]),
        new("GET /api/protocols/{code}", _ => Get("/api/protocols/natalizumab"), [N, C, M, D]),
        new("GET /api/protocols/{code}/versions", _ => Get("/api/protocols/natalizumab/versions"), [N, C, M, D]),
        new("GET /api/protocols/{code}/calendar", _ => Get("/api/protocols/natalizumab/calendar?start=2026-12-01"), [N, C, M, D]),
        new("PUT /api/protocols/{code}", c => Send(HttpMethod.Put, $"/api/protocols/custom-{c.Unique}", CustomProtocol(c.Unique)), [D]),
        new("POST /api/patients", c => Send(HttpMethod.Post, "/api/patients", new { mrn = $"R{c.Unique}", givenName = "Role", familyName = "Matrix", birthDate = "1980-01-01" }), [N, C, D]),
        new("GET /api/patients", _ => Get("/api/patients?search=a"), [N, C, M, D]),
        new("GET /api/patients/{id}", c => Get($"/api/patients/{c.PatientId}"), [N, C, M, D]),
        new("PUT /api/patients/{id}/measurements", c => Send(HttpMethod.Put, $"/api/patients/{c.PatientId}/measurements", new { heightCm = 170, weightKg = 70 }), [N, D]),
        new("PUT /api/patients/{id}/preferences", c => Send(HttpMethod.Put, $"/api/patients/{c.PatientId}/preferences", new { preferredTime = "morning" }), [N, C, D]),
        new("GET /api/patients/{id}/regimens", c => Get($"/api/patients/{c.PatientId}/regimens"), [N, C, M, D]),
        new("POST /api/patients/{id}/regimens", c => Send(HttpMethod.Post, $"/api/patients/{c.PatientId}/regimens", new { protocol = "methylprednisolone", start = "2027-03-01", days = 3, confirmDuplicate = true, reason = "role matrix: each role enrols the same patient" }), [N, D]),
        new("POST /api/doses/{id}/missed", c => Send(HttpMethod.Post, $"/api/doses/{c.DoseId}/missed"), [N, D]),
        new("GET /api/chairs", _ => Get("/api/chairs"), [N, C, M, D]),
        new("POST /api/chairs", c => Send(HttpMethod.Post, "/api/chairs", new { name = $"Chair {c.Unique}", kind = "recliner" }), [D]),
        new("PUT /api/chairs/{id}", c => Send(HttpMethod.Put, $"/api/chairs/{c.ChairId}", new { active = true }), [D]),
        new("GET /api/appointments", _ => Get("/api/appointments?date=2026-12-01"), [N, C, M, D]),
        new("GET /api/appointments/{id}", c => Get($"/api/appointments/{c.AppointmentId}"), [N, C, M, D]),
        new("GET /api/slots", _ => Get("/api/slots?minutes=60&from=2027-01-04&to=2027-01-08"), [N, C, M, D]),
        new("GET /api/monitoring", _ => Get("/api/monitoring"), [N, C, M, D]),
        new("GET /api/worklist", _ => Get("/api/worklist?weeks=2"), [N, C, M, D]),
        new("GET /api/audit", _ => Get("/api/audit?take=5"), [M, D]),
        new("GET /api/regimens/{id}", c => Get($"/api/regimens/{c.RegimenId}"), [N, C, M, D]),
        new("POST /api/appointments", c => Send(HttpMethod.Post, "/api/appointments", new { patientId = c.PatientId, chairId = c.ChairId, start = c.FreeStart, minutes = 30 }), [N, C, D]),
        new("PUT /api/appointments/{id}", c => Send(HttpMethod.Put, $"/api/appointments/{c.AppointmentId}", new { start = c.AppointmentStart }), [N, C, D]),
        new("GET /api/appointments/{id}/checks", c => Get($"/api/appointments/{c.AppointmentId}/checks"), [N, C, M, D]),
        new("POST /api/appointments/{id}/checks/{code}", c => Send(HttpMethod.Post, $"/api/appointments/{c.FreshAppointmentId}/checks/{c.GateCode}"), [N, D]),
        new("POST /api/appointments/{id}/check-in", c => Send(HttpMethod.Post, $"/api/appointments/{c.TodayAppointmentId}/check-in"), [N, D]),
        new("DELETE /api/appointments/{id}", c => Send(HttpMethod.Delete, $"/api/appointments/{c.FreshAppointmentId}?reason=role+matrix"), [N, C, D]),
        new("GET /api/capacity/daily", _ => Get("/api/capacity/daily?from=2026-11-01&to=2026-11-30"), [M, D]),
        new("GET /api/capacity/{table}.csv", _ => Get("/api/capacity/daily.csv?from=2026-11-01&to=2026-11-30"), [M, D]),
        new("GET /api/capacity/readiness", _ => Get("/api/capacity/readiness?from=2026-11-01&to=2026-11-30"), [M, D]),
        new("GET /api/capacity/savings", _ => Get("/api/capacity/savings?from=2026-11-01&to=2026-11-30"), [M, D]),
        new("GET /api/doses/{id}/readiness", c => Get($"/api/doses/{c.DoseId}/readiness"), [N, C, M, D]),
        new("GET /api/intake", _ => Get("/api/intake"), [N, C, M, D]),
        new("GET /api/readiness/expiring", _ => Get("/api/readiness/expiring?days=30"), [N, C, M, D]),
        new("GET /api/readiness/rules", _ => Get("/api/readiness/rules"), [N, C, M, D]),
        new("PUT /api/readiness/rules", _ => Send(HttpMethod.Put, "/api/readiness/rules", new { rules = Array.Empty<object>() }), [D]),
        new("GET /api/patients/{id}/coverage", c => Get($"/api/patients/{c.PatientId}/coverage"), [N, C, M, D]),
        new("POST /api/patients/{id}/coverage", c => Send(HttpMethod.Post, $"/api/patients/{c.PatientId}/coverage", new { payer = "Role Payer", memberId = "RM1", primary = false }), [N, C, D]),
        new("PUT /api/coverage/{id}", c => Send(HttpMethod.Put, $"/api/coverage/{c.CoverageId}", new { payer = "Role Payer", memberId = "RM2", primary = false }), [N, C, D]),
        new("DELETE /api/coverage/{id}", c => Send(HttpMethod.Delete, $"/api/coverage/{c.CoverageId}"), [N, C, D]),
        new("GET /api/regimens/{id}/authorizations", c => Get($"/api/regimens/{c.RegimenId}/authorizations"), [N, C, M, D]),
        new("POST /api/regimens/{id}/authorizations", c => Send(HttpMethod.Post, $"/api/regimens/{c.RegimenId}/authorizations", new { status = "requested", submittedOn = "2026-01-05" }), [N, C, D]),
        new("PUT /api/authorizations/{id}", c => Send(HttpMethod.Put, $"/api/authorizations/{c.AuthorizationId}", new { status = "toRequest" }), [N, C, D]),
        new("GET /api/regimens/{id}/orders", c => Get($"/api/regimens/{c.RegimenId}/orders"), [N, C, M, D]),
        new("POST /api/regimens/{id}/orders", c => Send(HttpMethod.Post, $"/api/regimens/{c.RegimenId}/orders", new { signedBy = "Dr. Role", signedOn = "2026-01-05", validUntil = "2031-01-05" }), [N, C, D]),
        new("PUT /api/orders/{id}", c => Send(HttpMethod.Put, $"/api/orders/{c.OrderId}", new { signedBy = "Dr. Role", signedOn = "2026-01-05", validUntil = "2031-01-06" }), [N, C, D]),
        new("GET /api/doses/{id}/drug", c => Get($"/api/doses/{c.DoseId}/drug"), [N, C, M, D]),
        new("PUT /api/doses/{id}/drug", c => Send(HttpMethod.Put, $"/api/doses/{c.DoseId}/drug", new { source = "specialtyPharmacy", status = "ordered" }), [N, C, D]),
        new("GET /openapi/v1.json", _ => Get("/openapi/v1.json"), [N, C, M, D]),
    ];

    public static TheoryData<string> CaseNames() => new(Matrix.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task RoleMatrix_EachRoleGetsExactlyItsAccess(string name)
    {
        var @case = Matrix.Single(c => c.Name == name);
        foreach (var role in new[] { A, N, C, M, D })
        {
            var ctx = await ContextAsync();
            using var client = fixture.App.CreateClientAs(role == A ? null : role);
            using var response = await client.SendAsync(@case.Request(ctx));
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (role == A)
            {
                status.ShouldBe(401, $"{name} as anonymous: {body}");
            }
            else if (@case.Allowed.Contains(role))
            {
                status.ShouldBeInRange(200, 299, $"{name} as {role}: {body}");
            }
            else
            {
                status.ShouldBe(403, $"{name} as {role}: {body}");
            }
        }
    }

    [Fact]
    public async Task Health_IsAnonymous()
    {
        using var client = fixture.App.CreateClientAs(null);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_Anonymous_RedirectToSignIn_SignInPageIsAnonymous()
    {
        using var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        var board = await client.GetAsync("/board");
        board.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        board.Headers.Location!.ToString().ShouldContain("/signin");
        var signIn = await client.GetAsync("/signin");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("Sign in");
    }

    [Theory]
    [InlineData("POST", "/api/auth/register")]
    [InlineData("POST", "/register")]
    [InlineData("GET", "/Account/Register")]
    [InlineData("POST", "/api/register")]
    public async Task NoSelfRegistrationRouteExists(string method, string url)
    {
        using var client = fixture.App.CreateClientAs(D);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { email = "x@y.z", password = "Passw0rd!!" }) });
        ((int)response.StatusCode).ShouldBeOneOf(404, 405);
    }

    [Fact]
    public async Task Token_WrongPassword_401_ValidAccount_TokenShape()
    {
        using var client = fixture.App.CreateClientAs(null);
        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { email = "manager@infusion.test", password = "nope" });
        await Api.ProblemAsync(wrong, HttpStatusCode.Unauthorized);

        var ok = await Api.ReadAsync(await client.PostAsJsonAsync("/api/auth/token", new { email = "manager@infusion.test", password = "Manager#2026!" }), HttpStatusCode.OK);
        ok.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        ok.GetProperty("expiresIn").GetInt32().ShouldBe(3600);
        ok.GetProperty("accessToken").GetString().ShouldNotBeNullOrWhiteSpace();

        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        (await client.GetAsync("/api/protocols")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LocksTheAccount_EvenTheRightPasswordThen()
    {
        var email = $"lock-{Guid.NewGuid():N}@infusion.test";
        using (var scope = fixture.App.Services.CreateScope())
        {
            await Web.Features.Auth.AccountSeed.EnsureUserAsync(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Features.Auth.AppUser>>(),
                email, "Lockme#2026!", "Nurse", "Lock Test", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        }

        using var client = fixture.App.CreateClientAs(null);
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong" })).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, (HttpStatusCode)423);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "Lockme#2026!" });
        await Api.ProblemAsync(locked, (HttpStatusCode)423);

        await using var db = await fixture.App.CreateDbContextAsync();
        (await db.AuditEntries.CountAsync(a => a.User == email && a.Action == "SignInFailed")).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Audit_EachKindOfChange_RecordsTheActingUser()
    {
        using var nurse = fixture.App.CreateClientAs(N);
        using var admin = fixture.App.CreateClientAs(D);
        var patientId = await Api.CreatePatientAsync(nurse);
        var regimen = await Api.ReadAsync(await nurse.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "natalizumab", start = "2027-02-01" }), HttpStatusCode.Created);
        var doseId = regimen.Doses()[0].GetProperty("id").GetInt32();
        await Api.ReadAsync(await nurse.PostAsync($"/api/doses/{doseId}/missed", null), HttpStatusCode.OK);
        var chair = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/chairs", new { name = $"Audit chair {Guid.NewGuid():N}"[..30], kind = "bed" }), HttpStatusCode.Created);
        var definition = (await Api.ReadAsync(await admin.GetAsync("/api/protocols/natalizumab"), HttpStatusCode.OK)).GetProperty("definition");
        await Api.ReadAsync(await admin.PutAsync("/api/protocols/natalizumab", JsonContent.Create(definition)), HttpStatusCode.OK);

        await using var db = await fixture.App.CreateDbContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        var patientEntries = string.Join("\n", entries.Where(a => a.EntityType == "Patient").Select(a => $"{a.Action} {a.EntityId} {a.User}"));
        entries.ShouldContain(a => a.EntityType == "Patient" && a.EntityId == patientId.ToString(), patientEntries);
        entries.ShouldContain(a => a.EntityType == "Patient" && a.EntityId == patientId.ToString() && a.Action == "Created" && a.User == "nurse@infusion.test");
        entries.ShouldContain(a => a.EntityType == "Regimen" && a.Action == "Created" && a.User == "nurse@infusion.test");
        entries.ShouldContain(a => a.EntityType == "Dose" && a.EntityId == doseId.ToString() && a.Action == "Updated" && a.User == "nurse@infusion.test" && a.Changes!.Contains("Missed"));
        entries.ShouldContain(a => a.EntityType == "Chair" && a.EntityId == chair.GetProperty("id").GetInt32().ToString() && a.User == "admin@infusion.test");
        entries.ShouldContain(a => a.EntityType == "ProtocolVersion" && a.Action == "Created" && a.User == "admin@infusion.test");
        entries.ShouldContain(a => a.Action == "SignIn" && a.User == "nurse@infusion.test");
    }

    private static int _slot;

    /// <summary>Fresh rows for one call: a planned dose, a booked appointment, and a free time far in the future.</summary>
    private async Task<Ctx> ContextAsync()
    {
        await using var db = await fixture.App.CreateDbContextAsync();
        var unique = Guid.NewGuid().ToString("N")[..10];
        var dose = await db.Doses.Where(d => d.Status == DoseStatus.Planned && d.Sequence > 1).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.RegimenId, d.Regimen!.PatientId, d.Regimen.ProtocolVersion!.DefinitionJson }).FirstAsync();
        // A pre-infusion check of the dose's protocol (the fresh appointment carries the dose).
        var gate = InfusionCenter.Domain.Protocols.ProtocolJson.Deserialize(dose.DefinitionJson).SafetyGates
            .First(g => g.Timing is InfusionCenter.Domain.Protocols.GateTiming.BeforeEachDose or InfusionCenter.Domain.Protocols.GateTiming.Periodic);
        var chair = await db.Chairs.OrderBy(c => c.Id).FirstAsync();
        // Each call gets its own hour on a 2030 Monday-to-Friday grid, far from the demo bookings.
        var n = Interlocked.Add(ref _slot, 3);
        var day = new DateTime(2030, 1, 7, 0, 0, 0, DateTimeKind.Utc).AddDays(7 * (n / 30) + (n % 30 / 6));
        var hour = 13 + (n % 6); // 08:00-13:00 in New York (EST)
        Appointment Booked(int offset) => new()
        {
            PatientId = dose.PatientId, ChairId = chair.Id, Status = AppointmentStatus.Booked, BookedAt = DateTime.UtcNow,
            StartsAt = day.AddHours(hour).AddMinutes(offset * 20), EndsAt = day.AddHours(hour).AddMinutes((offset * 20) + 15),
        };
        var existing = Booked(0);
        var fresh = Booked(1);
        fresh.DoseId = dose.Id;
        // Check-in happens on the appointment's clinic day only: 20 seconds of today (clinic time, before opening) per call.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var todayLocal = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).Date;
        var today = new Appointment
        {
            PatientId = dose.PatientId, ChairId = chair.Id, Status = AppointmentStatus.Booked, BookedAt = DateTime.UtcNow,
            StartsAt = TimeZoneInfo.ConvertTimeToUtc(todayLocal.AddSeconds(300 + (20 * n)), zone), EndsAt = TimeZoneInfo.ConvertTimeToUtc(todayLocal.AddSeconds(320 + (20 * n)), zone),
        };
        db.Appointments.AddRange(existing, fresh, today);
        var coverage = new Coverage { PatientId = dose.PatientId, Payer = "Matrix Payer", MemberId = "M1", Primary = false, CreatedAt = DateTimeOffset.UtcNow };
        var authorization = new PriorAuthorization { RegimenId = dose.RegimenId, Status = InfusionCenter.Domain.Readiness.AuthorizationState.ToRequest, CreatedAt = DateTimeOffset.UtcNow };
        var order = new TreatmentOrder { RegimenId = dose.RegimenId, SignedBy = "Dr. Matrix", SignedOn = new(2026, 1, 5), ValidUntil = new(2031, 1, 5), CreatedAt = DateTimeOffset.UtcNow };
        db.AddRange(coverage, authorization, order);
        await db.SaveChangesAsync();
        var local = TimeZoneInfo.ConvertTimeFromUtc(existing.StartsAt, zone);
        var free = TimeZoneInfo.ConvertTimeFromUtc(day.AddHours(hour).AddMinutes(40), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        return new Ctx(dose.PatientId, dose.Id, dose.RegimenId, existing.Id, local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            fresh.Id, chair.Id, free.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), unique, gate.Code, today.Id,
            coverage.Id, authorization.Id, order.Id);
    }

    private static JsonElement CustomProtocol(string unique)
    {
        var json = InfusionCenter.Domain.Protocols.ProtocolJson.Serialize(InfusionCenter.Domain.Protocols.DefaultProtocols.Natalizumab with { Code = $"custom-{unique.ToLowerInvariant()}" });
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
