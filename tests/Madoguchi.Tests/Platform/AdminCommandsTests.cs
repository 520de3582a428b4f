using Madoguchi.Platform.Identity;
using Madoguchi.Testing;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Platform;

/// <summary>A real installation starts with no one able to sign in: the command line creates the first organisation and administrator.</summary>
public sealed class AdminCommandsTests
{
    [Fact]
    public async Task OrgCreate_ThenStaffCreate_MakesAnAdministratorOfTheNewOrganisation()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var output = new StringWriter();

        Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["org", "create", "--code", "KGN", "--name-ja", "小金井市", "--name-en", "Koganei City", "--hosts", "koganei.localhost"], output));
        Assert.Equal(1, await AdminCommands.RunAsync(app.Services, ["org", "create", "--code", "KGN", "--name-ja", "x", "--name-en", "x"], output));

        Environment.SetEnvironmentVariable(AdminCommands.PasswordVariable, "a-long-first-password");
        try
        {
            Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["staff", "create", "--org", "KGN", "--email", "it@koganei.example", "--name", "小金井 太郎", "--roles", "SystemAdmin,Staff"], output));
            Assert.Equal(2, await AdminCommands.RunAsync(app.Services, ["staff", "create", "--org", "KGN", "--email", "b@koganei.example", "--name", "x", "--roles", "Emperor"], output));
        }
        finally
        {
            Environment.SetEnvironmentVariable(AdminCommands.PasswordVariable, null);
        }

        var roles = await app.InOrganizationAsync("KGN", async (db, services) =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "it@koganei.example", TestContext.Current.CancellationToken);
            Assert.False(user.IsDemo);
            return await services.GetRequiredService<UserManager<StaffUser>>().GetRolesAsync(user);
        });
        Assert.Contains(StaffRoles.SystemAdmin, roles);
        Assert.DoesNotContain("a-long-first-password", output.ToString(), StringComparison.Ordinal);
    }
}
