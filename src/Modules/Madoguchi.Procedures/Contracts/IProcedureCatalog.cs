namespace Madoguchi.Procedures.Contracts;

/// <summary>A procedure as other modules (forms, cases, bookings) see it.</summary>
public sealed record ProcedureInfo(Guid Id, string Slug, string TitleJa, string TitleEn, Guid ResponsibleDepartmentId, int? FeeYen, int? StandardProcessingDays, bool IsOnline);

/// <summary>What other modules may ask of the procedure catalog (of the current organisation).</summary>
public interface IProcedureCatalog
{
    Task<ProcedureInfo?> FindAsync(string slug, CancellationToken cancellationToken);
}
