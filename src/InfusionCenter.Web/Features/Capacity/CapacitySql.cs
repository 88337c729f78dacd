namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// The capacity dashboard's aggregates, done by PostgreSQL over the <c>appointments (starts_at)</c> and
/// <c>doses (status, target_date)</c> indexes: only grouped rows (at most days × 48) come back.
/// Parameters: <c>@zone</c> (the clinic's IANA zone), <c>@from</c>/<c>@to</c> (clinic-local dates, inclusive),
/// and for the forecast <c>@start</c> (a Monday) and <c>@end</c> (exclusive).
/// Local times come from <c>timestamptz AT TIME ZONE @zone</c>; the range bounds are the clinic-local
/// midnights turned back into instants, so the <c>starts_at</c> index bounds the scan.
/// An appointment is assumed to last less than a day (bookings are at most 12 hours).
/// </summary>
public static class CapacitySql
{
    /// <summary>Statuses that hold no chair time.</summary>
    private const string Active = "a.status NOT IN ('Cancelled', 'NoShow')";

    private const string RangeStart = "(@from::timestamp AT TIME ZONE @zone)";

    private const string RangeEnd = "((@to + 1)::timestamp AT TIME ZONE @zone)";

    /// <summary>Active appointments touching the range, as clinic-local wall-clock times (s, e).</summary>
    private const string ActiveAppointments = $"""
        appts AS (
            SELECT a.starts_at AT TIME ZONE @zone AS s, a.ends_at AT TIME ZONE @zone AS e
            FROM appointments a
            WHERE {Active}
              AND a.starts_at >= {RangeStart} - interval '1 day'
              AND a.starts_at < {RangeEnd}
              AND a.ends_at > {RangeStart}
        )
        """;

    /// <summary>Per local day: booked chair-minutes (the part inside the day) and the peak of concurrent appointments.</summary>
    public const string Daily = $"""
        WITH {ActiveAppointments},
        parts AS (
            SELECT d AS day_start, greatest(p.s, d) AS ps, least(p.e, d + interval '1 day') AS pe
            FROM appts p
            CROSS JOIN LATERAL generate_series(date_trunc('day', p.s), p.e - interval '1 microsecond', interval '1 day') AS d
            WHERE d >= @from::timestamp AND d < (@to + 1)::timestamp
        ),
        events AS (
            SELECT day_start, ps AS t, 1 AS delta FROM parts
            UNION ALL
            SELECT day_start, pe AS t, -1 AS delta FROM parts
        ),
        running AS (
            -- half-open intervals: at the same instant an end (-1) is counted before a start (+1)
            SELECT day_start, sum(delta) OVER (PARTITION BY day_start ORDER BY t, delta ROWS UNBOUNDED PRECEDING) AS in_use
            FROM events
        ),
        booked AS (
            SELECT day_start, round(sum(extract(epoch FROM pe - ps)) / 60.0)::int AS minutes FROM parts GROUP BY day_start
        ),
        peaks AS (
            SELECT day_start, max(in_use)::int AS peak FROM running GROUP BY day_start
        )
        SELECT b.day_start::date AS "Date", b.minutes AS "BookedMinutes", p.peak AS "PeakChairsInUse"
        FROM booked b JOIN peaks p ON p.day_start = b.day_start
        ORDER BY 1
        """;

    /// <summary>Per local day and hour: occupied chair-minutes in that hour.</summary>
    public const string Hourly = $"""
        WITH {ActiveAppointments},
        parts AS (
            SELECT h AS hour_start, greatest(p.s, h) AS ps, least(p.e, h + interval '1 hour') AS pe
            FROM appts p
            CROSS JOIN LATERAL generate_series(date_trunc('hour', p.s), p.e - interval '1 microsecond', interval '1 hour') AS h
            WHERE h >= @from::timestamp AND h < (@to + 1)::timestamp
        )
        SELECT hour_start::date AS "Date", extract(hour FROM hour_start)::int AS "Hour",
               (sum(extract(epoch FROM pe - ps)) / 60.0)::float8 AS "ChairMinutes"
        FROM parts
        GROUP BY hour_start
        ORDER BY hour_start
        """;

    /// <summary>Per local day and half-hour slot (0 = 00:00, 1 = 00:30, ...): infusion starts.</summary>
    public const string Starts = $"""
        SELECT l::date AS "Date", (extract(hour FROM l) * 2 + floor(extract(minute FROM l) / 30))::int AS "Slot", count(*)::int AS "Starts"
        FROM (
            SELECT a.starts_at AT TIME ZONE @zone AS l
            FROM appointments a
            WHERE {Active} AND a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
        ) s
        GROUP BY 1, 2
        ORDER BY 1, 2
        """;

    /// <summary>Appointments starting in the range, by status (cancelled and no-show included).</summary>
    public const string Outcomes = $"""
        SELECT a.status AS "Status", count(*)::int AS "Appointments"
        FROM appointments a
        WHERE a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
        GROUP BY a.status
        """;

    /// <summary>
    /// Per protocol code ('' = no dose linked): appointments, planned minutes, measured actual minutes
    /// (completed_at - in_chair_at) and overruns (completed_at after ends_at).
    /// </summary>
    public const string Drugs = $"""
        SELECT coalesce(p.code, '') AS "Protocol",
               count(*)::int AS "Appointments",
               (sum(extract(epoch FROM a.ends_at - a.starts_at)) / 60.0)::float8 AS "PlannedMinutes",
               count(*) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at IS NOT NULL)::int AS "Measured",
               (coalesce(sum(extract(epoch FROM a.completed_at - a.in_chair_at)) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at IS NOT NULL), 0) / 60.0)::float8 AS "ActualMinutes",
               count(*) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at > a.ends_at)::int AS "Overruns",
               (coalesce(sum(extract(epoch FROM a.completed_at - a.ends_at)) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at > a.ends_at), 0) / 60.0)::float8 AS "OverrunMinutes"
        FROM appointments a
        LEFT JOIN doses d ON d.id = a.dose_id
        LEFT JOIN regimens r ON r.id = d.regimen_id
        LEFT JOIN protocol_versions v ON v.id = r.protocol_version_id
        LEFT JOIN protocols p ON p.id = v.protocol_id
        WHERE {Active} AND a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
        GROUP BY 1
        """;

    /// <summary>
    /// Forecast demand per week (Monday): booked appointments by start week, and doses of active regimens that are
    /// planned or missed, not booked, by target-date week. Doses due before <c>@start</c> (within a year) come back
    /// with a null week: the overdue backlog.
    /// </summary>
    public const string Forecast = $"""
        SELECT 'booked' AS "Kind", date_trunc('week', a.starts_at AT TIME ZONE @zone)::date AS "Week",
               count(*)::int AS "Items", (sum(extract(epoch FROM a.ends_at - a.starts_at)) / 60.0)::float8 AS "ChairMinutes"
        FROM appointments a
        WHERE {Active}
          AND a.starts_at >= (@start::timestamp AT TIME ZONE @zone) AND a.starts_at < (@end::timestamp AT TIME ZONE @zone)
        GROUP BY 2
        UNION ALL
        SELECT 'planned', CASE WHEN d.target_date < @start THEN NULL ELSE date_trunc('week', d.target_date::timestamp)::date END,
               count(*)::int, sum(d.chair_minutes)::float8
        FROM doses d
        JOIN regimens r ON r.id = d.regimen_id
        WHERE d.status IN ('Planned', 'Missed') AND r.status = 'Active'
          AND d.target_date >= @start - 365 AND d.target_date < @end
          AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.dose_id = d.id AND {Active})
        GROUP BY 2
        """;
}
