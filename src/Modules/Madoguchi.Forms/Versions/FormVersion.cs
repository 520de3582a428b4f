using Madoguchi.Forms.Definitions;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.Versions;

/// <summary>
/// フォーム版: one version of a procedure's form definition. A draft version can be edited; once
/// published it is immutable, and every draft and submission made with it keeps pointing at it, so
/// an old submission always renders with the form its applicant saw.
/// </summary>
public sealed class FormVersion : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The procedure (手続き) this form belongs to.</summary>
    public Guid ProcedureId { get; set; }

    /// <summary>1, 2, 3… per procedure.</summary>
    public int Number { get; set; }

    public FormVersionStatus Status { get; private set; }

    /// <summary>The definition as JSON (see docs/forms.md).</summary>
    public string DefinitionJson { get; private set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>Who published it (<c>user:{id}</c>, <c>system</c>).</summary>
    public string? PublishedBy { get; private set; }

    public static FormVersion CreateDraft(Guid procedureId, int number, FormDefinition definition, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new FormVersion
        {
            Id = Guid.NewGuid(),
            ProcedureId = procedureId,
            Number = number,
            Status = FormVersionStatus.Draft,
            DefinitionJson = definition.ToJson(),
            CreatedAt = now,
        };
    }

    public FormDefinition Definition() => FormDefinition.Parse(DefinitionJson);

    /// <summary>Replaces the definition of a draft version; a published version never changes.</summary>
    public void Edit(FormDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Status != FormVersionStatus.Draft)
        {
            throw new InvalidOperationException($"Form version {Number} is {Status}: a published version is immutable; create a new version instead.");
        }

        DefinitionJson = definition.ToJson();
    }

    public void Publish(string by, DateTime now)
    {
        if (Status != FormVersionStatus.Draft)
        {
            throw new InvalidOperationException($"Form version {Number} is already {Status}.");
        }

        Status = FormVersionStatus.Published;
        PublishedAt = now;
        PublishedBy = by;
    }
}

public enum FormVersionStatus
{
    Draft = 0,
    Published = 1,
}
