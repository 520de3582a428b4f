using System.Globalization;
using System.Security.Cryptography;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Madoguchi.Forms.Uploads;

/// <summary>
/// Stores citizens' files on disk under <see cref="FormsOptions.UploadPath"/> (organisation/year/month/id),
/// outside the database rows; the row keeps name, detected type, size and hash. The type is detected
/// from the content (magic numbers), never from the file name.
/// </summary>
public sealed partial class UploadStore(MadoguchiDb db, IOptions<FormsOptions> options, IWebHostEnvironment environment, TimeProvider clock, ILogger<UploadStore> logger)
{
    public const int DefaultMaxKb = 5120;

    public static readonly IReadOnlyList<string> DefaultAccept = ["application/pdf", "image/jpeg", "image/png"];

    public string Root => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.UploadPath));

    /// <summary>Saves a file for the draft, or says in plain words why it can't be accepted.</summary>
    public async Task<(string? UploadId, FieldError? Error)> SaveAsync(Guid draftId, FormField field, string path, IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(file);
        var maxKb = Math.Min(field.MaxSizeKb ?? DefaultMaxKb, options.Value.MaxUploadKb);
        if (file.Length == 0)
        {
            return (null, new FieldError(path, "file.empty", "選んだファイルは空です。中身のあるファイルを選んでください。", "The selected file is empty. Choose a file that has content."));
        }

        if (file.Length > maxKb * 1024L)
        {
            var mb = (maxKb / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
            return (null, new FieldError(path, "file.too-large", $"ファイルが大きすぎます。{mb}MB以下のファイルを選んでください。", $"The file is too large. Choose a file of {mb} MB or less."));
        }

        await using var input = file.OpenReadStream();
        var head = new byte[8];
        var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = Sniff(head.AsSpan(0, read));
        var accept = field.Accept.Count > 0 ? field.Accept : DefaultAccept;
        if (type is null || !accept.Contains(type))
        {
            var names = string.Join("・", accept.Select(Describe));
            return (null, new FieldError(path, "file.type", $"このファイルの種類は受け付けていません。{names} のファイルを選んでください。", $"This type of file is not accepted. Choose a {names.Replace("・", ", ", StringComparison.Ordinal)} file."));
        }

        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var relative = Path.Combine(db.CurrentOrganizationId.ToString("N"), now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture), id.ToString("N"));
        var full = Path.Combine(Root, relative);
        input.Position = 0;
        string sha;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await using var output = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int n;
            while ((n = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hasher.AppendData(buffer, 0, n);
                await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }

            await output.FlushAsync(cancellationToken);
            sha = Convert.ToHexStringLower(hasher.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full or failing upload disk: no half-written file stays behind, the person keeps every answer and
            // is told to try again; the operators see the cause in the log (the file's content never is).
            TryDelete(full);
            LogStorageFailed(logger, relative, e);
            return (null, new FieldError(path, "file.storage",
                "ファイルを保存できませんでした。入力した内容はそのまま残っています。しばらくしてから、もう一度ファイルを選んでください。",
                "We could not save the file. Your other answers are kept. Please choose the file again in a few minutes."));
        }

        db.Add(new Upload
        {
            Id = id,
            DraftId = draftId,
            FileName = SafeName(file.FileName),
            ContentType = type,
            Size = file.Length,
            Sha256 = sha,
            StoragePath = relative,
            CreatedAt = now,
        });
        return (id.ToString(), null);
    }

    /// <summary>
    /// The draft's uploads: those stored, and those saved in this request and not yet committed (a step is checked
    /// before its answers and new files are committed together, and a file chosen on it must count as attached).
    /// </summary>
    public async Task<Dictionary<string, UploadInfo>> ForDraftAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var files = await db.Set<Upload>().AsNoTracking().Where(u => u.DraftId == draftId)
            .ToDictionaryAsync(u => u.Id.ToString(), Info, cancellationToken);
        foreach (var pending in db.ChangeTracker.Entries<Upload>().Where(e => e.State == EntityState.Added && e.Entity.DraftId == draftId))
        {
            files[pending.Entity.Id.ToString()] = Info(pending.Entity);
        }

        return files;
    }

    private static UploadInfo Info(Upload u) => new(u.Id.ToString(), u.FileName, u.ContentType, u.Size);

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover partial file has no row: it is never served or counted, only wasted space.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An upload could not be written to {RelativePath}; the person was asked to try again")]
    private static partial void LogStorageFailed(ILogger logger, string relativePath, Exception exception);

    /// <summary>PDF, JPEG or PNG by their first bytes; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;

    private static string Describe(string type) => type switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        _ => type,
    };

    /// <summary>The last path segment, without control characters, at most 255 characters.</summary>
    private static string SafeName(string name)
    {
        var last = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. last.Where(c => !char.IsControl(c))]);
        return clean.Length == 0 ? "file" : clean.Length > 255 ? clean[..255] : clean;
    }
}
