using System.Diagnostics;
using System.Net;

namespace InfusionCenter.LoadBench;

internal enum Outcome
{
    Ok,
    Conflict,
    Error,
}

/// <summary>One kind of request, sent over and over by every client until the time is up or <see cref="Next"/> runs dry.</summary>
internal sealed class Scenario
{
    public required string Name { get; init; }

    /// <summary>The next request to send, or null when there is nothing left (a booking plan used up).</summary>
    public required Func<HttpRequestMessage?> Next { get; init; }

    public Func<HttpStatusCode, Outcome> Classify { get; init; } = status => (int)status is >= 200 and < 300 ? Outcome.Ok : Outcome.Error;

    /// <summary>Runs after the clock stops for a successful answer (e.g. keep the id of a new appointment).</summary>
    public Action<byte[]>? OnOk { get; init; }
}

internal sealed record ScenarioResult(string Name, int Ok, int Conflicts, int Errors, double Seconds, double[] SortedMs, IReadOnlyDictionary<string, int> Samples, bool RanDry)
{
    public int Requests => Ok + Conflicts + Errors;

    public double RequestsPerSecond => Requests / Seconds;

    public double OkPerSecond => Ok / Seconds;

    /// <summary>Nearest-rank percentile of the response times, in milliseconds.</summary>
    public double Percentile(double percent) =>
        SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Clamp((int)Math.Ceiling(percent / 100 * SortedMs.Length) - 1, 0, SortedMs.Length - 1)];
}

/// <summary>
/// Closed-loop load like wrk's: each client sends its next request as soon as the previous answer is read completely,
/// one keep-alive connection per client. A request is timed from send to the last byte of the body.
/// </summary>
internal static class LoadRunner
{
    public static async Task<ScenarioResult> RunAsync(HttpClient http, Scenario scenario, int clients, TimeSpan? duration, CancellationToken abort)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(abort);
        if (duration is { } time)
        {
            stop.CancelAfter(time);
        }

        var watch = Stopwatch.StartNew();
        var tallies = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(http, scenario, stop.Token))));
        var seconds = watch.Elapsed.TotalSeconds;

        var times = tallies.SelectMany(t => t.Ms).ToArray();
        Array.Sort(times);
        var samples = new Dictionary<string, int>();
        foreach (var (text, count) in tallies.SelectMany(t => t.Samples))
        {
            samples[text] = samples.GetValueOrDefault(text) + count;
        }

        return new ScenarioResult(
            scenario.Name, tallies.Sum(t => t.Ok), tallies.Sum(t => t.Conflicts), tallies.Sum(t => t.Errors), seconds, times, samples,
            RanDry: duration is not null && tallies.Any(t => t.RanDry) && !abort.IsCancellationRequested && watch.Elapsed < duration.Value * 0.98);
    }

    private static async Task<Tally> ClientAsync(HttpClient http, Scenario scenario, CancellationToken stop)
    {
        var tally = new Tally();
        while (!stop.IsCancellationRequested)
        {
            using var request = scenario.Next();
            if (request is null)
            {
                tally.RanDry = true;
                break;
            }

            var started = Stopwatch.GetTimestamp();
            HttpStatusCode status;
            byte[] body;
            try
            {
                // Not cancelled by the stop signal: a request in flight is finished and counted.
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                status = response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                tally.Ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                tally.Error(e.GetType().Name + ": " + e.Message);
                continue;
            }

            tally.Ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            switch (scenario.Classify(status))
            {
                case Outcome.Ok:
                    tally.Ok++;
                    scenario.OnOk?.Invoke(body);
                    break;
                case Outcome.Conflict:
                    tally.Conflicts++;
                    tally.Note(Api.Describe(status, body));
                    break;
                default:
                    tally.Error(Api.Describe(status, body));
                    break;
            }
        }

        return tally;
    }

    private sealed class Tally
    {
        public List<double> Ms { get; } = new(capacity: 4096);
        public Dictionary<string, int> Samples { get; } = [];
        public int Ok { get; set; }
        public int Conflicts { get; set; }
        public int Errors { get; set; }
        public bool RanDry { get; set; }

        public void Error(string text)
        {
            Errors++;
            Note(text);
        }

        /// <summary>Keeps a few distinct answers other than success to print (not thousands).</summary>
        public void Note(string text)
        {
            if (Samples.ContainsKey(text) || Samples.Count < 5)
            {
                Samples[text] = Samples.GetValueOrDefault(text) + 1;
            }
        }
    }
}
