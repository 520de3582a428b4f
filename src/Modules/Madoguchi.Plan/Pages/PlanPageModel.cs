using System.Globalization;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Plan.Pages;

/// <summary>Shared by the public plan pages: the plan from the route, the language, fiscal-year names.</summary>
public abstract class PlanPageModel(MadoguchiDb db) : PageModel
{
    protected MadoguchiDb Db => db;

    public CityPlan Plan { get; protected set; } = null!;

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string YearName(int fiscalYear) => FiscalYears.Name(fiscalYear, English);

    public string YearLongName(int fiscalYear) => FiscalYears.LongName(fiscalYear, English);

    protected async Task<bool> LoadPlanAsync(string slug, CancellationToken cancellationToken)
    {
        var plan = await PlanTree.FindPlanAsync(db, slug, includeUnpublished: false, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        return true;
    }
}
