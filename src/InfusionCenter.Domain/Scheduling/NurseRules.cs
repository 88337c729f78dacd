namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// Staffing limits applied on days with a known number of nurses on shift (<see cref="ClinicSchedule.NursesOn"/> &gt; 0):
/// at no moment more than nurses × <paramref name="MaxPatientsPerNurse"/> patients in chairs, and in any 30-minute span
/// no more than nurses × <paramref name="MaxStartsPerNursePer30Minutes"/> infusion starts. A value ≤ 0 switches that rule off.
/// </summary>
public sealed record NurseRules(int MaxPatientsPerNurse = 4, int MaxStartsPerNursePer30Minutes = 2);
