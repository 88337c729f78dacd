namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// The 26-week forecast: per week, booked plus planned (unbooked) chair-hours against the week's open chair-hours;
/// planned doses whose target is already past are counted apart as overdue. Pure function.
/// </summary>
internal static class CapacityForecasting
{
    public static CapacityForecast Build(CapacityContext context, DateOnly weekStart, List<ForecastRow> rows)
    {
        var weeks = new List<ForecastWeek>(CapacityService.ForecastWeeks);
        for (var w = 0; w < CapacityService.ForecastWeeks; w++)
        {
            var monday = weekStart.AddDays(7 * w);
            var capacity = Enumerable.Range(0, 7).Sum(i => context.OpenChairMinutes(monday.AddDays(i))) / 60.0;
            var booked = rows.Where(r => r.Kind == "booked" && r.Week == monday).Sum(r => r.ChairMinutes) / 60.0;
            var planned = rows.Where(r => r.Kind == "planned" && r.Week == monday).ToList();
            var plannedHours = planned.Sum(r => r.ChairMinutes) / 60.0;
            var demand = booked + plannedHours;
            var load = capacity == 0 ? (demand > 0 ? double.PositiveInfinity : 0) : demand / capacity;
            var status = load > 1 ? ForecastStatus.Over : load > CapacityService.TightLoad ? ForecastStatus.Tight : ForecastStatus.Ok;
            weeks.Add(new ForecastWeek(monday, capacity, booked, plannedHours, planned.Sum(r => r.Items), demand,
                double.IsInfinity(load) ? 0 : load, status));
        }

        var overdue = rows.Where(r => r.Kind == "planned" && r.Week is null).ToList();
        return new CapacityForecast(weekStart, weeks, overdue.Sum(r => r.Items), overdue.Sum(r => r.ChairMinutes) / 60.0);
    }
}
