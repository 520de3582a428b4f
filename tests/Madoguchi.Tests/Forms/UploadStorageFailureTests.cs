using System.Text;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Uploads;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Forms;

/// <summary>
/// The upload disk fails (full, gone, read-only): the file is refused with a plain field error in Japanese and
/// English that tells the person what to do, nothing is recorded for it, and nothing half-written stays behind.
/// Here the upload folder cannot be created (a regular file stands where a folder should be), which takes the
/// same path through the store as a write that fails for lack of space.
/// </summary>
public sealed class UploadStorageFailureTests
{
    [Fact]
    public async Task FailingUploadDisk_GivesAFieldErrorToTryAgain_AndRecordsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var blocker = Path.Combine(Path.GetTempPath(), "madoguchi-tests", "not-a-folder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where the upload folder should be", ct);
        try
        {
            await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Forms:UploadPath"] = Path.Combine(blocker, "uploads") });
            var (id, error, rows) = await app.InOrganizationAsync("MSN", async (db, services) =>
            {
                var store = services.GetRequiredService<UploadStore>();
                var field = new FormField { Id = "document", Type = FieldType.File, Label = new LocalizedText("書類", "Document") };
                using var content = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n% a small but real-looking PDF\n"));
                var file = new FormFile(content, 0, content.Length, "document", "本人確認書類.pdf");
                var (uploadId, fieldError) = await store.SaveAsync(Guid.NewGuid(), field, "document", file, ct);
                await db.SaveChangesAsync(ct);
                return (uploadId, fieldError, await db.Set<Upload>().CountAsync(ct));
            });

            Assert.Null(id);
            Assert.NotNull(error);
            Assert.Equal("file.storage", error.Code);
            Assert.Contains("入力した内容はそのまま残っています", error.MessageJa, StringComparison.Ordinal);
            Assert.Contains("choose the file again", error.MessageEn, StringComparison.Ordinal);
            Assert.Equal(0, rows);
            Assert.True(File.Exists(blocker), "the store must not remove what it did not write");
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
