using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Madoguchi.Migrations.Postgres;

/// <summary>Used by <c>dotnet ef</c> only: builds the context on PostgreSQL so migrations land here.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MadoguchiDb>
{
    public MadoguchiDb CreateDbContext(string[] args) =>
        DesignTimeModel.Create(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=design_time;Username=postgres", typeof(Madoguchi.Procedures.ProceduresModule).Assembly, typeof(Madoguchi.Forms.FormsModule).Assembly, typeof(Madoguchi.Plan.PlanModule).Assembly, typeof(Madoguchi.PublicComments.PublicCommentsModule).Assembly, typeof(Madoguchi.Bookings.BookingsModule).Assembly, typeof(Madoguchi.Payments.PaymentsModule).Assembly, typeof(Madoguchi.Cases.CasesModule).Assembly, typeof(Madoguchi.Accounts.AccountsModule).Assembly);
}
