namespace Madoguchi.Procedures.Contracts;

/// <summary>A procedure as other modules (forms, cases, bookings) see it.</summary>
public sealed record ProcedureInfo(Guid Id, string Slug, string TitleJa, string TitleEn, Guid ResponsibleDepartmentId, int? FeeYen, int? StandardProcessingDays, bool IsOnline);

/// <summary>What other modules may ask of the procedure catalog (of the current organisation).</summary>
public interface IProcedureCatalog
{
    Task<ProcedureInfo?> FindAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Every procedure of the organisation (published or not), by title.</summary>
    Task<IReadOnlyList<ProcedureInfo>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The online form of a procedure: its version and where to apply (provided by the forms module).</summary>
public sealed record ProcedureFormInfo(int Version, string ApplyUrl, string SchemaUrl, string SubmissionsUrl);

/// <summary>Implemented by the forms module, so the procedure guide can link to the online application without knowing forms.</summary>
public interface IProcedureForms
{
    Task<ProcedureFormInfo?> CurrentAsync(Guid procedureId, string slug, CancellationToken cancellationToken);
}
