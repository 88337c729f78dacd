namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// Candidate generation: combines the grids of a course's consecutive days into candidate slots, first the same chair and
/// start on every day (<see cref="AddConsistent"/>), else per day the closest alternative (<see cref="AddMixed"/>).
/// </summary>
internal sealed partial class SlotSearch
{
    private bool LoadGrids(int day, DayGrid[] grids)
    {
        for (var i = 0; i < _courseDays; i++)
        {
            if (Grid(day + i, _durations[i]) is not { } grid)
            {
                return false;
            }

            grids[i] = grid;
        }

        return true;
    }

    /// <summary>Same chair, same start time every course day (a single dose: every free chair and start). True if any exists.</summary>
    private bool AddConsistent(int day, double dayCost, DayGrid[] grids, TopList top)
    {
        var first = grids[0];
        var chairs = _chairIds.Length;
        var any = false;
        for (var k = 0; k < first.Slots; k++)
        {
            if (!first.Ok[k])
            {
                continue;
            }

            var time = first.Opens + (k * _step);
            var cost = dayCost + first.Cost[k];
            var aligned = true;
            for (var i = 1; i < _courseDays && aligned; i++)
            {
                var grid = grids[i];
                var offset = time - grid.Opens;
                var j = offset / _step;
                aligned = offset >= 0 && offset % _step == 0 && j < grid.Slots && grid.Ok[j];
                if (aligned)
                {
                    _at[i] = j;
                    cost += grid.Cost[j];
                }
            }

            if (!aligned)
            {
                continue;
            }

            var competitive = top.WouldAccept(cost, int.MinValue, long.MinValue);
            if (!competitive && any)
            {
                continue;
            }

            for (var c = 0; c < chairs; c++)
            {
                if (!first.Feasible[(c * first.Slots) + k] || !FreeOnLaterDays(grids, c))
                {
                    continue;
                }

                any = true;
                if (!competitive || !top.TryAdd(new Candidate(cost, _chairIds[c], StartTicks(day, time), day, time, null)))
                {
                    break; // later chairs have higher ids: they lose the tie-break too
                }
            }
        }

        return any;
    }

    private bool FreeOnLaterDays(DayGrid[] grids, int chair)
    {
        for (var i = 1; i < _courseDays; i++)
        {
            var grid = grids[i];
            if (!grid.Feasible[(chair * grid.Slots) + _at[i]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// No same-chair same-time option exists for this day 1: for each free (chair, start) of day 1, each later day takes the
    /// option closest to it (another start on the same chair, or the lowest free chair at a start), penalised per
    /// <see cref="SlotScoring"/>.
    /// </summary>
    private void AddMixed(int day, double dayCost, DayGrid[] grids, TopList top)
    {
        for (var i = 1; i < _courseDays; i++)
        {
            if (!grids[i].Any)
            {
                return;
            }
        }

        var first = grids[0];
        var chairs = _chairIds.Length;
        var choiceChairs = new int[_courseDays];
        for (var k = 0; k < first.Slots; k++)
        {
            if (!first.Ok[k])
            {
                continue;
            }

            if (!top.WouldAccept(dayCost + first.Cost[k], int.MinValue, long.MinValue))
            {
                continue; // later days only add cost
            }

            var time = first.Opens + (k * _step);
            for (var c = 0; c < chairs; c++)
            {
                if (!first.Feasible[(c * first.Slots) + k])
                {
                    continue;
                }

                var cost = dayCost + first.Cost[k];
                choiceChairs[0] = c;
                _at[0] = k;
                for (var i = 1; i < _courseDays; i++)
                {
                    cost += BestAlternative(grids[i], c, time, out choiceChairs[i], out _at[i]);
                }

                var startTicks = StartTicks(day, time);
                if (!top.WouldAccept(cost, _chairIds[c], startTicks))
                {
                    continue;
                }

                var days = new SlotDay[_courseDays];
                for (var i = 0; i < _courseDays; i++)
                {
                    var grid = grids[i];
                    var start = StartTicks(day + i, grid.Opens + (_at[i] * _step));
                    days[i] = new SlotDay(_chairIds[choiceChairs[i]], new DateTime(start), new DateTime(start + (_durations[i] * TimeSpan.TicksPerSecond)));
                }

                top.TryAdd(new Candidate(cost, _chairIds[c], startTicks, day, time, days));
            }
        }
    }

    private double BestAlternative(DayGrid grid, int chair, int time, out int bestChair, out int bestSlot)
    {
        var firstFree = grid.FirstFreeChairs(_chairIds.Length);
        var best = double.MaxValue;
        bestChair = -1;
        bestSlot = -1;
        for (var j = 0; j < grid.Slots; j++)
        {
            if (firstFree[j] < 0)
            {
                continue;
            }

            var at = grid.Opens + (j * _step);
            var cost = grid.Cost[j] + (at == time ? 0 : SlotScoring.CourseTimeChange + (SlotScoring.CourseTimeShiftPerMinute * Math.Abs(at - time) / 60.0));
            var sameChair = grid.Feasible[(chair * grid.Slots) + j];
            if (!sameChair)
            {
                cost += SlotScoring.CourseChairChange;
            }

            if (cost < best)
            {
                best = cost;
                bestChair = sameChair ? chair : firstFree[j];
                bestSlot = j;
            }
        }

        return best;
    }
}
