using System.Globalization;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Pages.Staff.Plan;

/// <summary>Shared by the staff plan pages: the (one) plan being managed, the caller's access, fiscal years.</summary>
public abstract class StaffPlanModel(MadoguchiDb db, TimeProvider clock) : PageModel
{
    protected MadoguchiDb Db => db;
    protected TimeProvider Clock => clock;

    public CityPlan Plan { get; protected set; } = null!;
    public PlanAccess Access { get; protected set; } = null!;
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The current fiscal year, Japan time.</summary>
    public int CurrentYear => FiscalYears.Of(clock.GetUtcNow());

    public string YearName(int fiscalYear) => FiscalYears.Name(fiscalYear, English);
    public string YearLongName(int fiscalYear) => FiscalYears.LongName(fiscalYear, English);

    /// <summary>Years that can be reported on: within the plan, not in the future.</summary>
    public IEnumerable<int> ReportableYears => Plan.FiscalYears.Where(y => y <= Math.Max(CurrentYear, Plan.StartFiscalYear));

    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var plan = await db.Set<CityPlan>().AsNoTracking().OrderByDescending(p => p.StartFiscalYear).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        Access = await PlanAccess.ForAsync(db, User, cancellationToken);
        return true;
    }

    protected int YearOrCurrent(int? year) => Math.Clamp(year ?? CurrentYear, Plan.StartFiscalYear, Math.Max(Plan.StartFiscalYear, Math.Min(Plan.EndFiscalYear, CurrentYear)));
}
