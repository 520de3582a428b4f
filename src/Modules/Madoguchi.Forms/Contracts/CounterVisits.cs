namespace Madoguchi.Forms.Contracts;

/// <summary>
/// 来庁予約 as the counter (書かない窓口) sees it: a visit booked for a procedure, with what the
/// citizen already told the city. <see cref="Known"/> is keyed by the same meanings a form field
/// names in its <c>prefill</c> (name, phone, email, address, dateOfBirth), so the form engine maps
/// them without knowing where they came from.
/// </summary>
public sealed record CounterVisit(
    Guid Id,
    string Reference,
    string ProcedureSlug,
    Guid DepartmentId,
    DateTime StartsAt,
    string ResourceNameJa,
    string ResourceNameEn,
    string Name,
    IReadOnlyDictionary<string, string> Known);

/// <summary>Visits booked at the counter, offered by the bookings module (implemented there; absent when it is not loaded).</summary>
public interface ICounterVisits
{
    /// <summary>Today's (JST) confirmed visits in these departments that link to a procedure, by start time.</summary>
    Task<IReadOnlyList<CounterVisit>> TodayAsync(IReadOnlyCollection<Guid> departmentIds, CancellationToken cancellationToken);

    Task<CounterVisit?> FindAsync(Guid id, CancellationToken cancellationToken);
}
