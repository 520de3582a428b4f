using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Corrections;

/// <summary>The questions staff may ask to correct: the top-level fields of the submission's own form version (consent excluded).</summary>
public sealed class SubmissionFields(MadoguchiDb db, FormVersions versions) : ISubmissionFields
{
    public async Task<IReadOnlyList<CorrectableField>> FieldsAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var versionId = await db.Set<Submission>().AsNoTracking().Where(s => s.Id == submissionId).Select(s => (Guid?)s.FormVersionId).FirstOrDefaultAsync(cancellationToken);
        if (versionId is null || await versions.GetAsync(versionId.Value, cancellationToken) is not { } form)
        {
            return [];
        }

        return [.. form.Definition.AllFields()
            .Where(f => f.Type != FieldType.Consent)
            .Select(f => new CorrectableField(f.Id, f.Label.Ja, f.Label.Get(true), f.Type == FieldType.File))];
    }
}
