using System.Globalization;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Web.Pages;

public sealed class IndexModel(TenantContext tenant) : PageModel
{
    public string CityName { get; private set; } = "";

    public void OnGet()
    {
        var o = tenant.Organization!;
        CityName = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? o.NameEn : o.NameJa;
    }
}
