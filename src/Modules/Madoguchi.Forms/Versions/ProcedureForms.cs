using Madoguchi.Procedures.Contracts;

namespace Madoguchi.Forms.Versions;

/// <summary>Tells the procedure guide whether a procedure can be applied for online, and where.</summary>
internal sealed class ProcedureForms(FormVersions versions) : IProcedureForms
{
    public async Task<ProcedureFormInfo?> CurrentAsync(Guid procedureId, string slug, CancellationToken cancellationToken) =>
        await versions.CurrentAsync(procedureId, cancellationToken) is { } form
            ? new ProcedureFormInfo(form.Number, $"/apply/{slug}", $"/api/v1/procedures/{slug}/schema", $"/api/v1/procedures/{slug}/submissions")
            : null;
}
