namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// The capacity dashboard's aggregates, done by PostgreSQL over the <c>appointments (starts_at)</c>,
/// <c>appointments (dose_id)</c> and <c>doses (status, target_date)</c> indexes: only grouped rows come back.
/// Parameters: <c>@zone</c> (the clinic's IANA zone), <c>@from</c>/<c>@to</c> (clinic-local dates, inclusive),
/// and for the forecast <c>@start</c> (a Monday) and <c>@end</c> (exclusive).
/// <para>
/// The range bounds are the clinic-local midnights turned into instants (<c>date::timestamp AT TIME ZONE @zone</c>),
/// so the <c>starts_at</c> index bounds every scan. Per-row work is kept to a minimum (a range of three months is
/// tens of thousands of appointments): times are converted to clinic-local wall-clock time only after grouping
/// (by distinct instant, or by 15-minute UTC bin, which never straddles a local half hour since every zone's
/// offset is a multiple of 15 minutes), and <c>date_part</c> (double) is used rather than <c>extract</c> (numeric).
/// An appointment is assumed to last less than a day (bookings are at most 12 hours).
/// </para>
/// </summary>
public static class CapacitySql
{
    /// <summary>Statuses that hold no chair time.</summary>
    private const string Active = "a.status NOT IN ('Cancelled', 'NoShow')";

    private const string RangeStart = "(@from::timestamp AT TIME ZONE @zone)";

    private const string RangeEnd = "((@to + 1)::timestamp AT TIME ZONE @zone)";

    private const string Bin15 = "date_bin('15 minutes', a.starts_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')";

    /// <summary>
    /// Per clinic-local day and hour: occupied chair-minutes and the most appointments in progress at once.
    /// The appointments touching the range become +1/-1 events, summed per instant; a running sum gives the number
    /// of chairs in use between consecutive instants (half-open: an end and a start at the same instant do not
    /// overlap); those segments are cut at local hour boundaries. Daily booked minutes and the daily peak are the
    /// day's sums and maximum of these rows.
    /// </summary>
    public const string Occupancy = $"""
        WITH appts AS (
            SELECT a.starts_at, a.ends_at
            FROM appointments a
            WHERE {Active}
              AND a.starts_at >= {RangeStart} - interval '1 day'
              AND a.starts_at < {RangeEnd}
              AND a.ends_at > {RangeStart}
        ),
        events AS (
            SELECT t, sum(delta) AS delta
            FROM (SELECT starts_at AS t, 1 AS delta FROM appts UNION ALL SELECT ends_at, -1 FROM appts) e
            GROUP BY t
        ),
        levels AS (
            SELECT t AS seg_start, lead(t) OVER (ORDER BY t) AS seg_end, sum(delta) OVER (ORDER BY t ROWS UNBOUNDED PRECEDING) AS level
            FROM events
        ),
        segments AS (
            SELECT greatest(seg_start AT TIME ZONE @zone, @from::timestamp) AS s,
                   least(seg_end AT TIME ZONE @zone, (@to + 1)::timestamp) AS e,
                   level
            FROM levels
            WHERE level > 0 AND seg_end > {RangeStart} AND seg_start < {RangeEnd}
        ),
        parts AS (
            SELECT h AS hour_start, greatest(g.s, h) AS ps, least(g.e, h + interval '1 hour') AS pe, g.level
            FROM segments g
            CROSS JOIN LATERAL generate_series(date_trunc('hour', g.s), g.e - interval '1 microsecond', interval '1 hour') AS h
        )
        SELECT hour_start::date AS "Date", date_part('hour', hour_start)::int AS "Hour",
               sum(date_part('epoch', pe - ps) * level) / 60.0 AS "ChairMinutes", max(level)::int AS "PeakChairsInUse"
        FROM parts
        WHERE pe > ps
        GROUP BY hour_start
        ORDER BY hour_start
        """;

    /// <summary>Per clinic-local day and half-hour slot (0 = 00:00, 1 = 00:30, ...): infusion starts.</summary>
    public const string Starts = $"""
        SELECT l::date AS "Date", (date_part('hour', l) * 2 + floor(date_part('minute', l) / 30))::int AS "Slot", sum(n)::int AS "Starts"
        FROM (
            SELECT {Bin15} AT TIME ZONE @zone AS l, count(*) AS n
            FROM appointments a
            WHERE {Active} AND a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
            GROUP BY {Bin15}
        ) b
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
        SELECT coalesce(a.protocol_code, '') AS "Protocol",
               count(*)::int AS "Appointments",
               sum(date_part('epoch', a.ends_at - a.starts_at)) / 60.0 AS "PlannedMinutes",
               (count(*) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at IS NOT NULL))::int AS "Measured",
               coalesce(sum(date_part('epoch', a.completed_at - a.in_chair_at)) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at IS NOT NULL), 0) / 60.0 AS "ActualMinutes",
               (count(*) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at > a.ends_at))::int AS "Overruns",
               coalesce(sum(date_part('epoch', a.completed_at - a.ends_at)) FILTER (WHERE a.in_chair_at IS NOT NULL AND a.completed_at > a.ends_at), 0) / 60.0 AS "OverrunMinutes"
        FROM appointments a
        -- protocol_code is copied onto the appointment at booking: no probe into doses/regimens per row
        WHERE {Active} AND a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
        GROUP BY 1
        """;


    /// <summary>
    /// Forecast demand per week (Monday): booked appointments by start week, and doses of active regimens that are
    /// planned or missed, not booked, by target-date week. Doses due before <c>@start</c> (within a year) come back
    /// with a null week: the overdue backlog.
    /// </summary>
    public const string Forecast = $"""
        SELECT 'booked' AS "Kind", date_trunc('week', l)::date AS "Week", sum(n)::int AS "Items", sum(minutes) AS "ChairMinutes"
        FROM (
            SELECT {Bin15} AT TIME ZONE @zone AS l, count(*) AS n, sum(date_part('epoch', a.ends_at - a.starts_at)) / 60.0 AS minutes
            FROM appointments a
            WHERE {Active}
              AND a.starts_at >= (@start::timestamp AT TIME ZONE @zone) AND a.starts_at < (@end::timestamp AT TIME ZONE @zone)
            GROUP BY {Bin15}
        ) b
        GROUP BY 2
        UNION ALL
        SELECT 'planned', CASE WHEN d.target_date < @start THEN NULL ELSE date_trunc('week', d.target_date::timestamp)::date END,
               count(*)::int, sum(d.chair_minutes)::float8
        FROM doses d
        JOIN regimens r ON r.id = d.regimen_id
        -- "not booked": LATERAL ... LIMIT 1 probes appointments (dose_id) per candidate dose; a NOT EXISTS here is
        -- planned as a hash anti-join over every appointment ever booked
        LEFT JOIN LATERAL (SELECT 1 AS taken FROM appointments a WHERE a.dose_id = d.id AND {Active} LIMIT 1) b ON true
        WHERE d.status IN ('Planned', 'Missed') AND r.status = 'Active'
          AND d.target_date >= @start - 365 AND d.target_date < @end
          AND b.taken IS NULL
        GROUP BY 2
        """;
}
