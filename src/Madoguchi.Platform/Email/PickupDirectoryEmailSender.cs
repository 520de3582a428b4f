using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Madoguchi.Platform.Email;

/// <summary>Development sender: writes each message to <c>{PickupDirectory}/{id}.eml</c>. Writing twice overwrites: idempotent.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory!));

    public async Task SendAsync(Guid messageId, EmailMessage email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        System.IO.Directory.CreateDirectory(Directory);
        var message = MimeMessages.Build(messageId, email, options.Value.From);
        var final = Path.Combine(Directory, $"{messageId:N}.eml");
        var temporary = final + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, final, overwrite: true); // a reader never sees half a message
    }
}
