using Microsoft.Extensions.Configuration;
using Trajet.Web.Features.Documents;

namespace Trajet.Tests.Features.Documents;

public sealed class DocumentStorageTests
{
    [Theory]
    [InlineData(null, null, DocumentStoreKind.Files)]
    [InlineData("Sqlite", null, DocumentStoreKind.Files)]
    [InlineData("Postgres", null, DocumentStoreKind.Database)]
    [InlineData("Postgres", "Files", DocumentStoreKind.Files)]
    [InlineData("Sqlite", "database", DocumentStoreKind.Database)]
    public void Store_IsTheDatabaseOnPostgres_UnlessSetOtherwise(string? provider, string? store, DocumentStoreKind expected)
    {
        Assert.Equal(expected, DocumentStorage.From(Settings(provider, store)).Store);
    }

    [Theory]
    [InlineData("Disk")]
    [InlineData("7")]
    public void Store_OtherThanFilesOrDatabase_StopsTheStart(string store)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DocumentStorage.From(Settings("Postgres", store)));
        Assert.Contains("Documents:Store", refused.Message);
    }

    private static IConfiguration Settings(string? provider, string? store) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider, ["Documents:Store"] = store }).Build();
}
