using System.IO.Enumeration;
using Analytics.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Cli.Embedded;

/// <summary>
/// <see cref="IObjectStore"/> on a folder: the folder is the bucket and a key is a relative path under it.
/// Keys that could leave the folder are refused with <see cref="InvalidObjectKeyException"/>. Writes go to a temp
/// file beside the target and are renamed over it, so readers never see half an object; a temp file left by a process
/// that died mid-write is deleted by the first write of a later store once <see cref="StaleTempAfter"/> old. Content
/// types are not kept. Symbolic links inside the folder are followed as they are.
/// </summary>
internal sealed class FolderObjectStore : IObjectStore
{
    /// <summary>Name prefix of in-progress writes; listings skip such files and keys may not use it.</summary>
    public const string TempPrefix = ".~tmp-";

    /// <summary>The most UTF-8 bytes a key may have (S3's limit).</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>The most UTF-8 bytes a key segment may have: one file name (NAME_MAX on Linux and macOS).</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>
    /// Age past which a temp file belongs to no write in progress: a write copies one object to the local disk, which
    /// takes seconds; an hour leaves any other process writing into the same folder far more than it needs.
    /// </summary>
    public static readonly TimeSpan StaleTempAfter = TimeSpan.FromHours(1);

    private readonly string _root;
    private readonly ILogger _logger;
    private int _staleTempSwept;

    public FolderObjectStore(string rootDirectory, string bucketName, ILogger<FolderObjectStore>? logger = null)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        Directory.CreateDirectory(_root);
        BucketName = bucketName;
        _logger = logger ?? NullLogger<FolderObjectStore>.Instance;
    }

    public string BucketName { get; }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                                                          bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                  || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            throw new ObjectNotFoundException(key, e);
        }
    }

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (Interlocked.Exchange(ref _staleTempSwept, 1) == 0)
        {
            DeleteStaleTempFiles();
        }

        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                                                   bufferSize: 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Task MoveAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken)
    {
        var source = PathOf(sourceKey);
        var destination = PathOf(destinationKey);
        if (!File.Exists(source))
        {
            throw new ObjectNotFoundException(sourceKey);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            File.Move(source, destination, overwrite: true);
        }
        catch (FileNotFoundException e)
        {
            throw new ObjectNotFoundException(sourceKey, e);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>Files under the folder whose key starts with <paramref name="prefix"/>, recursively, in ordinal key order.</summary>
    public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (prefix.Contains('\\', StringComparison.Ordinal) || prefix.StartsWith('/') || prefix.Split('/').Any(s => s is "." or ".."))
        {
            throw new InvalidObjectKeyException(prefix, "a prefix must be relative, use '/' and have no '.' or '..' segments");
        }

        // Walk only the deepest folder the prefix names; the rest of the prefix filters file names.
        var folder = prefix.LastIndexOf('/') is var slash and >= 0 ? Path.Combine(_root, prefix[..slash]) : _root;
        if (!Directory.Exists(folder))
        {
            return AsyncEnumerable.Empty<StoredObject>();
        }

        var found = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).StartsWith(TempPrefix, StringComparison.Ordinal))
            .Select(path => (Path: path, Key: Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f =>
            {
                var info = new FileInfo(f.Path);
                return new StoredObject(f.Key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
            })
            .ToList();
        return found.ToAsyncEnumerable();
    }

    /// <summary>
    /// Deletes the temp files under the folder last written <see cref="StaleTempAfter"/> ago or earlier. Run once per
    /// store, on its first write (read-only commands never pay for it): one walk of the folder tree that looks at file
    /// names only and asks the time of temp files alone. A file that cannot be deleted is logged and left.
    /// </summary>
    private void DeleteStaleTempFiles()
    {
        var cutoff = DateTime.UtcNow - StaleTempAfter;
        var stale = new FileSystemEnumerable<string>(_root, (ref entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory
                                                    && entry.FileName.StartsWith(TempPrefix, StringComparison.Ordinal)
                                                    && entry.LastWriteTimeUtc <= cutoff,
        };
        try
        {
            foreach (var path in stale)
            {
                try
                {
                    File.Delete(path);
                    Log.StaleTempFileDeleted(_logger, path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Log.StaleTempFileNotDeleted(_logger, path, e.Message);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.StaleTempFileNotDeleted(_logger, _root, e.Message);
        }
    }

    /// <summary>
    /// Checks that <paramref name="key"/> is one this bucket can hold (S3 could hold more), without touching the disk.
    /// </summary>
    /// <exception cref="InvalidObjectKeyException">The key is empty, absolute, longer than S3 allows, uses '\', has an
    /// empty, '.', '..', temp-file or too long segment, or a control character.</exception>
    public static void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidObjectKeyException(key ?? "", "it is empty");
        }

        if (key.StartsWith('/') || Path.IsPathRooted(key))
        {
            throw new InvalidObjectKeyException(key, "it is absolute");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw new InvalidObjectKeyException(key, $"it is longer than {MaxKeyBytes} bytes (UTF-8), the most S3 allows");
        }

        if (key.Contains('\\', StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException(key, "it contains '\\'; keys use '/' as separator");
        }

        if (key.Any(char.IsControl))
        {
            throw new InvalidObjectKeyException(key, "it contains a control character");
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw new InvalidObjectKeyException(key, $"it has a '{segment}' segment");
            }

            if (segment.StartsWith(TempPrefix, StringComparison.Ordinal))
            {
                throw new InvalidObjectKeyException(key, $"segments starting with '{TempPrefix}' are reserved");
            }

            if (System.Text.Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                throw new InvalidObjectKeyException(key, $"a segment is longer than {MaxSegmentBytes} bytes (UTF-8), the most a file name may have here");
            }
        }
    }

    /// <summary>The file that holds <paramref name="key"/>, after checking it cannot name anything outside the folder.</summary>
    /// <exception cref="InvalidObjectKeyException">See <see cref="CheckKey"/>; or the key resolves outside the folder.</exception>
    public string PathOf(string key)
    {
        CheckKey(key);
        var full = Path.GetFullPath(Path.Combine(_root, key));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException(key, "it resolves outside the bucket folder");
        }

        return full;
    }
}
