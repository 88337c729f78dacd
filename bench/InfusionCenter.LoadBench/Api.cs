using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace InfusionCenter.LoadBench;

internal sealed record ChairRow(int Id, string Name, string Kind, bool Active);

internal sealed record AppointmentRow(int Id, int PatientId, int ChairId, DateTimeOffset Start, DateTimeOffset End, string Status)
{
    /// <summary>Cancelled and no-show appointments free their chair (the exclusion constraints ignore them).</summary>
    public bool HoldsChair => Status is not ("cancelled" or "noShow");
}

internal sealed record PatientRow(int Id, string Mrn);

internal sealed record PatientPage(int Total, IReadOnlyList<PatientRow> Items);

internal sealed record TokenAnswer(string AccessToken);

internal sealed record BookBody(int PatientId, int ChairId, string Start, int Minutes);

internal sealed record PatientBody(string Mrn, string GivenName, string FamilyName, string BirthDate, decimal HeightCm, decimal WeightKg);

/// <summary>A failure while preparing the run (not a measured request): the program stops with its message.</summary>
internal sealed class SetupException(string message) : Exception(message);

/// <summary>The few API.md calls the set-up and clean-up need, on the same <see cref="HttpClient"/> as the load.</summary>
internal sealed class Api(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public async Task<bool> HealthyAsync()
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task SignInAsync(string email, string password)
    {
        using var request = JsonRequest(HttpMethod.Post, "/api/auth/token", new { email, password });
        var (status, body) = await SendAsync(request);
        if (status != HttpStatusCode.OK)
        {
            throw new SetupException($"POST /api/auth/token as {email}: {Describe(status, body)}");
        }

        var token = JsonSerializer.Deserialize<TokenAnswer>(body, Json)!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<IReadOnlyList<ChairRow>> ChairsAsync() => await GetAsync<List<ChairRow>>("/api/chairs");

    public async Task<IReadOnlyList<AppointmentRow>> DayAsync(DateOnly date) => await GetAsync<List<AppointmentRow>>(DayPath(date));

    public async Task<PatientPage> PatientsAsync(string search, int skip) =>
        await GetAsync<PatientPage>($"/api/patients?search={Uri.EscapeDataString(search)}&skip={skip}&take=100");

    public async Task<(HttpStatusCode Status, byte[] Body)> CreatePatientAsync(PatientBody patient)
    {
        using var request = JsonRequest(HttpMethod.Post, "/api/patients", patient);
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, byte[] Body)> BookAsync(BookBody booking)
    {
        using var request = BookRequest(JsonSerializer.SerializeToUtf8Bytes(booking, Json));
        return await SendAsync(request);
    }

    public async Task<HttpStatusCode> CancelAsync(int id)
    {
        using var request = CancelRequest(id);
        return (await SendAsync(request)).Status;
    }

    public static string DayPath(DateOnly date) => $"/api/appointments?date={date:yyyy-MM-dd}";

    public static HttpRequestMessage BookRequest(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, new Uri("/api/appointments", UriKind.Relative)) { Content = content };
    }

    public static HttpRequestMessage CancelRequest(int id) =>
        new(HttpMethod.Delete, new Uri($"/api/appointments/{id.ToString(CultureInfo.InvariantCulture)}?reason=load+test", UriKind.Relative));

    public static int IdOf(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>"409 Conflict: the detail" (the ProblemDetails detail, or the start of the body).</summary>
    public static string Describe(HttpStatusCode status, byte[] body) => $"{(int)status} {status}: {Detail(body)}";

    /// <summary>The start of <see cref="Texts"/>, for a one-line message.</summary>
    public static string Detail(byte[] body) => Texts(body) is var text && text.Length > 160 ? text[..160] + "…" : text;

    /// <summary>Every string in a JSON body (ProblemDetails title, detail and field errors), or the raw text.</summary>
    public static string Texts(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var texts = new List<string>();
            Collect(document.RootElement, texts);
            return string.Join(" | ", texts.Where(t => t.Length > 0 && !t.StartsWith("http", StringComparison.Ordinal)));
        }
        catch (JsonException)
        {
            return System.Text.Encoding.UTF8.GetString(body);
        }

        static void Collect(JsonElement element, List<string> texts)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    texts.Add(element.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject().Where(p => p.Name is not ("type" or "traceId" or "instance")))
                    {
                        Collect(property.Value, texts);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, texts);
                    }

                    break;
            }
        }
    }

    private async Task<T> GetAsync<T>(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        var (status, body) = await SendAsync(request);
        return status == HttpStatusCode.OK
            ? JsonSerializer.Deserialize<T>(body, Json)!
            : throw new SetupException($"GET {path}: {Describe(status, body)}");
    }

    private static HttpRequestMessage JsonRequest(HttpMethod method, string path, object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }
}
