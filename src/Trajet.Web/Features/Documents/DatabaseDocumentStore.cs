using Microsoft.AspNetCore.DataProtection;

namespace Trajet.Web.Features.Documents;

/// <summary>
/// Uploaded files in the database (<see cref="DocumentContent"/>), where every instance behind a load balancer reads
/// what another received, and which backups hold with everything else. A file is written and read a chunk at a time,
/// each chunk encrypted on its own, so neither an upload nor a download holds the whole file in memory. Writes go
/// through the scope's context and join its transaction: a document's row and its content commit together.
/// </summary>
public sealed class DatabaseDocumentStore(DocumentStorage storage, TrajetDbContext db, IServiceScopeFactory scopes, IDataProtectionProvider protection)
    : DocumentStore(storage)
{
    /// <summary>Plaintext bytes per chunk: small enough to hold a few per request, large enough for few round trips.</summary>
    public const int ChunkBytes = 64 * 1024;

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public override bool DeletesInTransaction => true;

    /// <summary>Each chunk is bound to its document and its place: a chunk moved to another row or position does not decrypt.</summary>
    private static IDataProtector ChunkProtector(IDataProtector documents, string key, int chunk) =>
        documents.CreateProtector(key, chunk.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = NewKey();
        await WriteAsync(key, content, ct);
        return key;
    }

    /// <summary>Writes the content under the key, in the context's transaction or in one of its own.</summary>
    public async Task WriteAsync(string key, Stream content, CancellationToken ct)
    {
        Checked(key);
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var buffer = new byte[ChunkBytes];
            for (var chunk = 0; ; chunk++)
            {
                // The last chunk is always short, if need be empty (an empty file is its chunk 0): a reader that ends on a
                // full chunk knows the file was cut.
                var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                var data = ChunkProtector(protector, key, chunk).Protect(read == buffer.Length ? buffer : buffer[..read]);
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "DocumentContents" ("DocumentKey", "Chunk", "Data") VALUES ({key}, {chunk}, {data})""", ct);
                if (read < buffer.Length)
                {
                    break;
                }
            }
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    public override async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        Checked(key);
        // A context of its own: the caller's stays free for its queries while the stream is read (the export reads
        // the list of documents as it copies each one).
        var scope = scopes.CreateAsyncScope();
        try
        {
            return await ContentStream.OpenAsync(scope, protector, key, ct) ?? throw new FileNotFoundException("The document's content is not in the database.", key);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public override Task<bool> ExistsAsync(string key, CancellationToken ct) =>
        db.DocumentContents.AnyAsync(c => c.DocumentKey == key && c.Chunk == 0, ct);

    public override async Task<HashSet<string>> StoredAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        // A thousand keys a query keeps each statement's parameter small on a large organisation.
        foreach (var batch in keys.Chunk(1000))
        {
            stored.UnionWith(await db.DocumentContents.Where(c => c.Chunk == 0 && batch.Contains(c.DocumentKey)).Select(c => c.DocumentKey).ToListAsync(ct));
        }
        return stored;
    }

    public override async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count > 0)
        {
            await db.DocumentContents.Where(c => keys.Contains(c.DocumentKey)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>
    /// Reads one chunk per query as the reader asks for more: no statement stays open while a slow client downloads,
    /// and only the current chunk is in memory. A chunk missing before the count taken at the start fails the read
    /// rather than ending the file early.
    /// </summary>
    private sealed class ContentStream : Stream
    {
        private readonly AsyncServiceScope scope;
        private readonly TrajetDbContext db;
        private readonly IDataProtector protector;
        private readonly string key;
        private readonly int chunks;
        private byte[] current;
        private int position;
        private int next = 1;
        private bool disposed;

        private ContentStream(AsyncServiceScope scope, IDataProtector protector, string key, int chunks, byte[] first)
        {
            this.scope = scope;
            db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
            this.protector = protector;
            this.key = key;
            this.chunks = chunks;
            current = ChunkProtector(protector, key, 0).Unprotect(first);
        }

        public static async Task<ContentStream?> OpenAsync(AsyncServiceScope scope, IDataProtector protector, string key, CancellationToken ct)
        {
            var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
            var contents = db.DocumentContents;
            var first = await contents.AsNoTracking().Where(c => c.DocumentKey == key && c.Chunk == 0)
                .Select(c => new { c.Data, Chunks = contents.Count(x => x.DocumentKey == key) }).SingleOrDefaultAsync(ct);
            return first is null ? null : new ContentStream(scope, protector, key, first.Chunks, first.Data);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (position == current.Length && next < chunks)
            {
                Take(await Chunk(next).SingleOrDefaultAsync(cancellationToken));
            }
            return Copy(buffer.Span, buffer.Length);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(Span<byte> buffer)
        {
            while (position == current.Length && next < chunks)
            {
                Take(Chunk(next).SingleOrDefault());
            }
            return Copy(buffer, buffer.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        private IQueryable<byte[]> Chunk(int n) =>
            db.DocumentContents.AsNoTracking().Where(c => c.DocumentKey == key && c.Chunk == n).Select(c => c.Data);

        private void Take(byte[]? data)
        {
            current = ChunkProtector(protector, key, next).Unprotect(data ?? throw new IOException($"Chunk {next} of document {key} is missing: it was deleted while being read."));
            position = 0;
            next++;
        }

        private int Copy(Span<byte> buffer, int asked)
        {
            if (asked > 0 && position == current.Length && current.Length == ChunkBytes)
            {
                throw new IOException($"Document {key} ends on a full chunk: its last chunks are missing.");
            }
            var count = Math.Min(buffer.Length, current.Length - position);
            current.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !disposed)
            {
                disposed = true;
                scope.Dispose();
            }
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            if (!disposed)
            {
                disposed = true;
                await scope.DisposeAsync();
            }
            await base.DisposeAsync();
        }
    }
}
