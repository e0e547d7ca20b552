using System.Buffers.Text;
using System.Security.Cryptography;

namespace Trajet.Web.Features.Accounts;

/// <summary>The secret a registered phone keeps: 256 random bits, base64url in its cookie; the database keeps only a SHA-256.</summary>
public static class DeviceToken
{
    private const int Bytes = 32;
    private const int Length = 43; // base64url of 32 bytes, without padding

    public static (string Token, string Hash) New()
    {
        var bytes = RandomNumberGenerator.GetBytes(Bytes);
        return (Base64Url.EncodeToString(bytes), Hash(bytes));
    }

    /// <summary>The stored hash of a token as the cookie brings it; null for anything that is not a token.</summary>
    public static string? HashOf(string? token)
    {
        // TryDecodeFromChars throws on a character outside the alphabet: IsValid first, since the cookie is anyone's to write.
        Span<byte> bytes = stackalloc byte[Bytes];
        return token is { Length: Length } && Base64Url.IsValid(token, out var length) && length == Bytes
            && Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == Bytes
            ? Hash(bytes)
            : null;
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
