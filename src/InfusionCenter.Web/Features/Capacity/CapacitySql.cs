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
    internal const string Active = "a.status NOT IN ('Cancelled', 'NoShow')";

    internal const string RangeStart = "(@from::timestamp AT TIME ZONE @zone)";

    internal const string RangeEnd = "((@to + 1)::timestamp AT TIME ZONE @zone)";

    private const string Bin15 = "date_bin('15 minutes', a.starts_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')";

    /// <summary>
    /// Per clinic-local day and hour: occupied chair-minutes and the most appointments in progress at once.
    /// The appointments touching the range become +n/-n events (starts and ends counted per instant in one grouped
    /// scan), summed per instant; a running sum gives the number
    /// of chairs in use between consecutive instants (half-open: an end and a start at the same instant do not
    /// overlap); those segments are cut at local hour boundaries. Daily booked minutes and the daily peak are the
    /// day's sums and maximum of these rows.
    /// </summary>
    public const string Occupancy = $"""
        WITH grouped AS (
            -- one pass over the range: appointments per start instant and per end instant
            SELECT a.starts_at, a.ends_at, GROUPING(a.starts_at) AS is_end, count(*) AS n
            FROM appointments a
            WHERE {Active}
              AND a.starts_at >= {RangeStart} - interval '1 day'
              AND a.starts_at < {RangeEnd}
              AND a.ends_at > {RangeStart}
            GROUP BY GROUPING SETS ((a.starts_at), (a.ends_at))
        ),
        events AS (
            SELECT CASE WHEN is_end = 1 THEN ends_at ELSE starts_at END AS t, sum(CASE WHEN is_end = 1 THEN -n ELSE n END) AS delta
            FROM grouped
            GROUP BY 1
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
        SELECT hour_start::date AS date, date_part('hour', hour_start)::int AS hour,
               sum(date_part('epoch', pe - ps) * level) / 60.0 AS chair_minutes, max(level)::int AS peak_chairs_in_use
        FROM parts
        WHERE pe > ps
        GROUP BY hour_start
        ORDER BY hour_start
        """;

    /// <summary>Per clinic-local day and half-hour slot (0 = 00:00, 1 = 00:30, ...): infusion starts.</summary>
    public const string Starts = $"""
        SELECT l::date AS date, (date_part('hour', l) * 2 + floor(date_part('minute', l) / 30))::int AS slot, sum(n)::int AS starts
        FROM (
            SELECT {Bin15} AT TIME ZONE @zone AS l, count(*) AS n
            FROM appointments a
            WHERE {Active} AND a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
            GROUP BY {Bin15}
        ) b
        GROUP BY 1, 2
        ORDER BY 1, 2
        """;

    /// <summary>
    /// Appointments starting in the range per status and protocol code ('' = no dose linked), in one pass over the range:
    /// counts (the outcomes, cancelled and no-show included), planned minutes, measured actual minutes
    /// (the actual end minus the actual start recorded at completion; before those were recorded: completed_at - in_chair_at)
    /// and overruns (the actual end after ends_at). The drug mix and overruns are the rows whose status holds chair time.
    /// </summary>
    private const string ActualStart = "coalesce(a.actual_start, a.in_chair_at)";
    private const string ActualEnd = "coalesce(a.actual_end, a.completed_at)";

    public const string Mix = $"""
        SELECT a.status AS status,
               coalesce(a.protocol_code, '') AS protocol,
               count(*)::int AS appointments,
               sum(date_part('epoch', a.ends_at - a.starts_at)) / 60.0 AS planned_minutes,
               (count(*) FILTER (WHERE {ActualStart} IS NOT NULL AND {ActualEnd} IS NOT NULL))::int AS measured,
               coalesce(sum(date_part('epoch', {ActualEnd} - {ActualStart})) FILTER (WHERE {ActualStart} IS NOT NULL AND {ActualEnd} IS NOT NULL), 0) / 60.0 AS actual_minutes,
               (count(*) FILTER (WHERE {ActualStart} IS NOT NULL AND {ActualEnd} > a.ends_at))::int AS overruns,
               coalesce(sum(date_part('epoch', {ActualEnd} - a.ends_at)) FILTER (WHERE {ActualStart} IS NOT NULL AND {ActualEnd} > a.ends_at), 0) / 60.0 AS overrun_minutes
        FROM appointments a
        -- protocol_code is copied onto the appointment at booking: no probe into doses/regimens per row
        WHERE a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
        GROUP BY 1, 2
        """;

    /// <summary>
    /// Forecast demand per week (Monday): booked appointments by start week, and doses of active regimens not booked yet
    /// (status planned or missed, the worklist's definition of "due": booking a dose marks it booked, cancelling its
    /// appointment plans it again, and marking a booked dose missed releases its appointment) by target-date week.
    /// Doses due before <c>@start</c> (within a year) come back with a null week: the overdue backlog.
    /// </summary>
    public const string Forecast = $"""
        SELECT 'booked' AS kind, date_trunc('week', l)::date AS week, sum(n)::int AS items, sum(minutes) AS chair_minutes
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
        WHERE d.status IN ('Planned', 'Missed') AND r.status = 'Active'
          AND d.target_date >= @start - 365 AND d.target_date < @end
        GROUP BY 2
        """;

    /// <summary>
    /// The doses behind the chair time saved (issue 14, <see cref="ChairTimeSavedService"/>), grouped by what decides the
    /// saving: the protocol version the regimen follows, the dose's place in the calendar, its option and its chair minutes.
    /// 'given' and 'booked': doses with an appointment starting in the range (counted on the appointment's clinic-local day;
    /// cancelled and no-shows left out), given when the appointment was completed. 'planned': doses of active regimens not
    /// booked yet (planned or missed, as in <see cref="Forecast"/>) whose target date is in the range. A dose recorded as
    /// given without an appointment here (given elsewhere, or entered afterwards) held no chair of this clinic: not counted.
    /// </summary>
    public const string ChairTimeSaved = $"""
        SELECT CASE WHEN a.status = 'Completed' THEN 'given' ELSE 'booked' END AS kind,
               r.protocol_version_id AS version_id, d.sequence AS sequence, d.option_code AS option_code,
               d.chair_minutes AS chair_minutes, count(*)::int AS doses
        FROM appointments a
        JOIN doses d ON d.id = a.dose_id
        JOIN regimens r ON r.id = d.regimen_id
        WHERE {Active} AND a.starts_at >= {RangeStart} AND a.starts_at < {RangeEnd}
        GROUP BY 1, 2, 3, 4, 5
        UNION ALL
        SELECT 'planned', r.protocol_version_id, d.sequence, d.option_code, d.chair_minutes, count(*)::int
        FROM doses d
        JOIN regimens r ON r.id = d.regimen_id
        WHERE d.status IN ('Planned', 'Missed') AND r.status = 'Active'
          AND d.target_date >= @from AND d.target_date <= @to
        GROUP BY 2, 3, 4, 5
        """;
}
