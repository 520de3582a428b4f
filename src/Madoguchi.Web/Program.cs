using Madoguchi.Accounts;
using Madoguchi.Bookings;
using Madoguchi.Cases;
using Madoguchi.Forms;
using Madoguchi.Payments;
using Madoguchi.Plan;
using Madoguchi.Platform;
using Madoguchi.Procedures;
using Madoguchi.PublicComments;
using Madoguchi.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddMadoguchiPlatform();
builder.AddMadoguchiWeb();
builder.AddProceduresModule();
builder.AddFormsModule();
builder.AddPlanModule();
builder.AddPublicCommentsModule();
builder.AddBookingsModule();
builder.AddPaymentsModule();
builder.AddCasesModule();
builder.AddAccountsModule();

var app = builder.Build();

await app.InitializeDatabaseAsync();

if (await app.RunCommandAsync(args))
{
    return;
}

app.UseMadoguchiPipeline();
app.MapMadoguchiEndpoints();
app.MapProceduresModule();
app.MapFormsModule();
app.MapPlanModule();
app.MapPublicCommentsModule();
app.MapBookingsModule();
app.MapPaymentsModule();
app.MapCasesModule();
app.MapAccountsModule();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
