using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InfusionCenter.LoadBench;

/// <summary>The bookings to send (JSON bodies, in order), and what was found while planning them.</summary>
internal sealed record BookingPlan(IReadOnlyList<byte[]> Bodies, DateOnly First, DateOnly Last, int Dates, string Hours, int ClosedDays, int Leftovers, int Taken);

/// <summary>
/// Plans bookings that should all succeed (201): the "Loadtest" patients, each once per open day, on free
/// chair × quarter-hour cells of dates far ahead. Each candidate date is probed first: a booking at 00:00 answers 400
/// with the clinic's hours or the reason it is closed (there is no settings endpoint for a Nurse), and the day's
/// listing shows what is already booked: cells taken by others are skipped, and bookings of our own patients left by
/// an interrupted run are cancelled.
/// </summary>
internal static partial class BookingPlanner
{
    public const string FamilyName = "Loadtest";
    private const string MrnPrefix = "LOADTEST-";

    /// <summary>The ids of patients LOADTEST-0001 … (family name "Loadtest"), creating the missing ones; they are kept.</summary>
    public static async Task<IReadOnlyList<int>> EnsurePatientsAsync(Api api, int count, int parallel)
    {
        var ids = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var skip = 0; ; skip += 100)
        {
            var page = await api.PatientsAsync("loadtest", skip);
            foreach (var patient in page.Items.Where(p => p.Mrn.StartsWith(MrnPrefix, StringComparison.OrdinalIgnoreCase)))
            {
                ids[patient.Mrn] = patient.Id;
            }

            if (page.Items.Count == 0 || skip + page.Items.Count >= page.Total)
            {
                break;
            }
        }

        var mrns = Enumerable.Range(1, count).Select(i => MrnPrefix + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        await Parallel.ForEachAsync(mrns.Where(m => !ids.ContainsKey(m)), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (mrn, _) =>
        {
            var (status, body) = await api.CreatePatientAsync(new PatientBody(mrn, "Bench " + mrn[MrnPrefix.Length..], FamilyName, "1980-01-01", 170, 70));
            ids[mrn] = status == HttpStatusCode.Created
                ? Api.IdOf(body)
                : throw new SetupException($"POST /api/patients {mrn}: {Api.Describe(status, body)}");
        });
        return mrns.Select(m => ids[m]).ToList();
    }

    public static async Task<BookingPlan> BuildAsync(Api api, BenchOptions options, IReadOnlyList<int> patients, IReadOnlyList<ChairRow> chairs)
    {
        var ours = patients.ToHashSet();
        var wanted = options.PlannedBookings;
        var bodies = new List<byte[]>(wanted);
        var next = options.From;
        var (dates, closed, leftovers, taken) = (0, 0, 0, 0);
        DateOnly? first = null, last = null;
        string? hours = null;
        while (bodies.Count < wanted)
        {
            // Enough calendar days for what is left, with room for weekends and closures; probed in parallel.
            var batch = (int)Math.Ceiling((wanted - bodies.Count) / (double)patients.Count * 1.5) + 4;
            var candidates = Enumerable.Range(0, batch).Select(next.AddDays).ToList();
            next = next.AddDays(batch);
            if (next > options.From.AddYears(10))
            {
                throw new SetupException($"No open days found from {options.From:yyyy-MM-dd} on; is the clinic closed every day?");
            }

            var days = new ConcurrentDictionary<DateOnly, Day>();
            await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = options.Clients }, async (date, _) =>
                days[date] = await ProbeAsync(api, date, patients[0], chairs[0].Id, ours, options));
            foreach (var day in candidates.Select(d => days[d]))
            {
                if (bodies.Count >= wanted)
                {
                    break;
                }

                if (day.Closed is not null)
                {
                    closed++;
                    continue;
                }

                leftovers += day.Leftovers;
                var cells = FreeCells(day, chairs, options.Minutes, ref taken);
                foreach (var (patient, (chairId, start)) in patients.Zip(cells).Take(wanted - bodies.Count))
                {
                    bodies.Add(JsonSerializer.SerializeToUtf8Bytes(new BookBody(patient, chairId, start, options.Minutes), Api.Json));
                }

                dates++;
                first ??= day.Date;
                last = day.Date;
                hours ??= $"{day.Opens:HH:mm}–{day.Closes:HH:mm}";
            }
        }

        return new BookingPlan(bodies, first!.Value, last!.Value, dates, hours!, closed, leftovers, taken);
    }

    private sealed record Day(DateOnly Date, TimeOnly Opens, TimeOnly Closes, string? Closed, IReadOnlyList<AppointmentRow> Held, int Leftovers);

    private static async Task<Day> ProbeAsync(Api api, DateOnly date, int patientId, int chairId, HashSet<int> ours, BenchOptions options)
    {
        var (opens, closes) = (options.Opens, options.Closes);
        var (status, body) = await api.BookAsync(new BookBody(patientId, chairId, $"{date:yyyy-MM-dd}T00:00", options.Minutes));
        if (status == HttpStatusCode.Created)
        {
            await api.CancelAsync(Api.IdOf(body)); // a clinic open at midnight: the hours must come from the options
        }
        else if (status != HttpStatusCode.BadRequest)
        {
            throw new SetupException($"Probing {date:yyyy-MM-dd} with a booking at 00:00: {Api.Describe(status, body)}");
        }
        else if (HoursPattern().Match(Api.Texts(body)) is { Success: true } match)
        {
            opens ??= TimeOnly.ParseExact(match.Groups[1].Value, "HH:mm", CultureInfo.InvariantCulture);
            closes ??= TimeOnly.ParseExact(match.Groups[2].Value, "HH:mm", CultureInfo.InvariantCulture);
        }
        else if (Api.Texts(body).Contains("closed", StringComparison.OrdinalIgnoreCase))
        {
            return new Day(date, default, default, Api.Detail(body), [], 0);
        }
        else
        {
            throw new SetupException($"Probing {date:yyyy-MM-dd} with a booking at 00:00: {Api.Describe(status, body)}");
        }

        if (opens is null || closes is null)
        {
            throw new SetupException($"The app did not name its hours on {date:yyyy-MM-dd}; give them with --opens HH:mm --closes HH:mm.");
        }

        var held = (await api.DayAsync(date)).Where(a => a.HoldsChair).ToList();
        var leftovers = held.Where(a => ours.Contains(a.PatientId) && a.Status == "booked").ToList();
        foreach (var appointment in leftovers)
        {
            await api.CancelAsync(appointment.Id);
        }

        return new Day(date, opens.Value, closes.Value, null, held.Except(leftovers).ToList(), leftovers.Count);
    }

    /// <summary>Chair × start cells of the day not overlapping anything already there, earliest quarter first.</summary>
    private static List<(int ChairId, string Start)> FreeCells(Day day, IReadOnlyList<ChairRow> chairs, int minutes, ref int taken)
    {
        var opens = day.Date.ToDateTime(day.Opens);
        var count = (int)((day.Closes - day.Opens).TotalMinutes / minutes);
        var cells = new List<(int, string)>();
        for (var slot = 0; slot < count; slot++)
        {
            var start = opens.AddMinutes(slot * minutes);
            var end = start.AddMinutes(minutes);
            foreach (var chair in chairs)
            {
                // The listing's instants carry the clinic's offset, so DateTime is the clinic-local wall time.
                if (day.Held.Any(a => a.ChairId == chair.Id && a.Start.DateTime < end && start < a.End.DateTime))
                {
                    taken++;
                    continue;
                }

                cells.Add((chair.Id, start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)));
            }
        }

        return cells;
    }

    [GeneratedRegex(@"open (\d{2}:\d{2})\D{1,3}(\d{2}:\d{2})")]
    private static partial Regex HoursPattern();
}
