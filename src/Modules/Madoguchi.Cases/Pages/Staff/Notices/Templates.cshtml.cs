using System.Globalization;
using Madoguchi.Cases.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Cases.Pages.Staff.Notices;

/// <summary>通知テンプレート: the organisation's notice wordings (5 kinds × 日本語/English), each with a link to edit it. System admins only (ADR 0056).</summary>
[Authorize(Policy = CasesModule.TemplatesPolicy)]
public sealed class TemplatesModel(NotificationTemplateEditor editor) : PageModel
{
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public IReadOnlyList<NotificationTemplateEditor.Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await editor.ListAsync(cancellationToken);
}
