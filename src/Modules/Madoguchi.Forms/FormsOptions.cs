using System.ComponentModel.DataAnnotations;

namespace Madoguchi.Forms;

/// <summary>Configuration section <c>Forms</c>.</summary>
public sealed class FormsOptions
{
    public const string Section = "Forms";

    /// <summary>Minutes without activity before a form session times out (a warning comes 5 minutes before).</summary>
    [Range(2, 1440)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Where uploaded files are stored (outside the database rows). Relative paths are under the content root.</summary>
    [Required]
    public string UploadPath { get; set; } = "data/uploads";

    /// <summary>Largest file accepted by any form, in KiB (a field may set less).</summary>
    [Range(1, 102400)]
    public int MaxUploadKb { get; set; } = 10240;
}
