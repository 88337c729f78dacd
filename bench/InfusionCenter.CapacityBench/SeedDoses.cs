using Npgsql;
using NpgsqlTypes;

internal static partial class Seed
{
    /// <summary>
    /// Every chair booked back to back from first to last (past visits completed, no-shows or cancelled; later ones booked),
    /// each visit's dose written with binary COPY, then the coming year's planned, unbooked doses. Returns the visits (the
    /// appointments to write), the number of doses and how many of them are planned.
    /// </summary>
    private static async Task<(List<Visit> Visits, int Doses, long Planned)> WriteDosesAsync(
        NpgsqlConnection connection, TimeZoneInfo zone, DateOnly first, DateOnly last, DateOnly today, Random random,
        int[] chairIds, int[,,] patientIds, int[,,] regimenIds)
    {
        // Appointments and their doses (COPY, explicit ids).
        var sequence = new Dictionary<int, int>();
        var visits = new List<Visit>(1_100_000);
        var doseId = 0;
        long planned = 0;
        await using (var doses = await connection.BeginBinaryImportAsync(
            "COPY doses (id, regimen_id, sequence, target_date, earliest, latest, amount, unit, chair_minutes, course, day_in_course, label, status, given_on) FROM STDIN (FORMAT BINARY)"))
        {
            doses.Timeout = TimeSpan.FromMinutes(30);
            async Task WriteDose(int regimen, DateOnly date, int minutes, string status, DateOnly? given)
            {
                var seq = sequence[regimen] = sequence.GetValueOrDefault(regimen) + 1;
                await doses.StartRowAsync();
                await doses.WriteAsync(++doseId, NpgsqlDbType.Integer);
                await doses.WriteAsync(regimen, NpgsqlDbType.Integer);
                await doses.WriteAsync(seq, NpgsqlDbType.Integer);
                await doses.WriteAsync(date, NpgsqlDbType.Date);
                await doses.WriteAsync(date.AddDays(-7), NpgsqlDbType.Date);
                await doses.WriteAsync(date.AddDays(7), NpgsqlDbType.Date);
                await doses.WriteAsync(300m, NpgsqlDbType.Numeric);
                await doses.WriteAsync("mg", NpgsqlDbType.Varchar);
                await doses.WriteAsync(minutes, NpgsqlDbType.Integer);
                await doses.WriteAsync(1, NpgsqlDbType.Integer);
                await doses.WriteAsync(1, NpgsqlDbType.Integer);
                await doses.WriteAsync($"Dose {seq}", NpgsqlDbType.Varchar);
                await doses.WriteAsync(status, NpgsqlDbType.Varchar);
                if (given is { } g)
                {
                    await doses.WriteAsync(g, NpgsqlDbType.Date);
                }
                else
                {
                    await doses.WriteNullAsync();
                }
            }

            var totalWeight = Mix.Sum(m => m.Weight);
            var closes = new TimeOnly(22, 0).ToTimeSpan();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var past = day < today;
                var midnight = day.ToDateTime(TimeOnly.MinValue);
                for (var c = 0; c < Chairs; c++)
                {
                    var t = new TimeSpan(6, 15 * random.Next(0, 4), 0);
                    while (true)
                    {
                        var pick = random.Next(totalWeight);
                        var p = 0;
                        while ((pick -= Mix[p].Weight) >= 0)
                        {
                            p++;
                        }

                        var minutes = Mix[p].Minutes;
                        if (t + TimeSpan.FromMinutes(minutes) > closes)
                        {
                            break;
                        }

                        var k = random.Next(PatientsPerChairAndProtocol);
                        var start = TimeZoneInfo.ConvertTimeToUtc(midnight + t, zone);
                        var end = start.AddMinutes(minutes);
                        var roll = random.Next(100);
                        var status = past
                            ? roll < 4 ? "NoShow" : roll < 11 ? "Cancelled" : "Completed"
                            : roll < 6 ? "Cancelled" : "Booked";
                        int? dose = null;
                        if (status != "Cancelled")
                        {
                            await WriteDose(regimenIds[c, p, k], day, minutes, status switch { "Completed" => "Given", "NoShow" => "Missed", _ => "Booked" },
                                status == "Completed" ? day : null);
                            dose = doseId;
                        }

                        var late = random.Next(100) < 20 ? random.Next(5, 61) : -random.Next(0, 11);
                        visits.Add(new Visit
                        {
                            Patient = patientIds[c, p, k], Chair = chairIds[c], Dose = dose, Protocol = dose is null ? null : Mix[p].Code, Start = start, End = end, Status = status,
                            InChair = status == "Completed" ? start.AddMinutes(random.Next(0, 11)) : null,
                            Completed = status == "Completed" ? end.AddMinutes(late) : null,
                        });
                        if (status == "Cancelled")
                        {
                            continue; // the slot is offered again (rebooked from the waitlist)
                        }

                        t += TimeSpan.FromMinutes(minutes + (15 * (random.Next(20) switch { < 16 => 0, < 19 => 1, _ => 2 })));
                    }
                }
            }

            // The coming year's doses of every regimen, planned and not booked yet (what the forecast adds).
            for (var c = 0; c < Chairs; c++)
            {
                for (var p = 0; p < Mix.Length; p++)
                {
                    for (var k = 0; k < PatientsPerChairAndProtocol; k++)
                    {
                        for (var date = last.AddDays(1 + random.Next(Mix[p].IntervalDays)); date <= today.AddYears(1); date = date.AddDays(Mix[p].IntervalDays))
                        {
                            await WriteDose(regimenIds[c, p, k], date, Mix[p].Minutes, "Planned", null);
                            planned++;
                        }
                    }
                }
            }

            await doses.CompleteAsync();
        }

        return (visits, doseId, planned);
    }
}
