namespace Trajet.Web.Features.Imports;

/// <summary>
/// A response body for <see cref="System.IO.Compression.ZipArchive"/>: even with its asynchronous methods (.NET 10), closing
/// an entry writes the compressor's last bytes and the entry's sizes synchronously, which Kestrel refuses. Those writes
/// are held in memory (a few kilobytes per entry) and sent, in order, by the next asynchronous write or flush.
/// </summary>
public sealed class HeldSyncWrites(Stream body) : Stream
{
    private readonly MemoryStream held = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => held.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendHeldAsync(cancellationToken);
        await body.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>Nothing synchronous reaches the body: the held bytes wait for <see cref="FlushAsync(CancellationToken)"/>.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    private async Task SendHeldAsync(CancellationToken ct)
    {
        if (held.Length > 0)
        {
            await body.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), ct);
            held.SetLength(0);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
