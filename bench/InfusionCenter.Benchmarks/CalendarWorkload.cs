using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Benchmarks;

/// <summary>
/// A deterministic mix of regimens: two-year calendars (until = start + 2 years) for the six default
/// protocols, start dates spread over 2024–2027, BSAs 1.50–2.30 m², a quarter of natalizumab patients on
/// extended-interval dosing, methylprednisolone courses of 3–5 days.
/// </summary>
public sealed class CalendarWorkload
{
    private static readonly (ProtocolDefinition Protocol, int Weight)[] _mix =
    [
        (DefaultProtocols.Ocrelizumab, 30),
        (DefaultProtocols.Natalizumab, 30),
        (DefaultProtocols.Ublituximab, 15),
        (DefaultProtocols.Alemtuzumab, 8),
        (DefaultProtocols.Mitoxantrone, 7),
        (DefaultProtocols.Methylprednisolone, 10),
    ];

    public CalendarWorkload(int count, int seed = 42)
    {
        var random = new Random(seed);
        var totalWeight = _mix.Sum(m => m.Weight);
        var first = new DateOnly(2024, 1, 1);
        Protocols = new ProtocolDefinition[count];
        Requests = new CalendarRequest[count];
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(totalWeight);
            var protocol = _mix[0].Protocol;
            foreach (var (candidate, weight) in _mix)
            {
                if (pick < weight)
                {
                    protocol = candidate;
                    break;
                }

                pick -= weight;
            }

            var start = first.AddDays(random.Next(4 * 365));
            var bsa = 1.50m + (random.Next(81) / 100m);
            Interval? intervalOverride = protocol.Code == DefaultProtocols.NatalizumabCode && random.Next(4) == 0 ? Interval.OfWeeks(6) : null;
            int? days = protocol.Courses is { HasLengthRange: true } ? 3 + random.Next(3) : null;
            Protocols[i] = protocol;
            Requests[i] = new CalendarRequest(start, start.AddYears(2), protocol.IsBsaDosed ? bsa : null, Days: days, IntervalOverride: intervalOverride);
        }
    }

    public ProtocolDefinition[] Protocols { get; }

    public CalendarRequest[] Requests { get; }

    public int Count => Requests.Length;

    /// <summary>Computes every calendar; returns the total number of doses (so nothing is optimised away).</summary>
    public long ComputeAll()
    {
        long doses = 0;
        var protocols = Protocols;
        var requests = Requests;
        for (var i = 0; i < requests.Length; i++)
        {
            doses += CalendarEngine.Compute(protocols[i], requests[i]).Doses.Count;
        }

        return doses;
    }
}
