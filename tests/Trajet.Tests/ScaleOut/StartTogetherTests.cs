using System.Net;
using Trajet.Web.Data.Migrations;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

/// <summary>Two instances started at the same moment on one empty database, as after a deployment.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class StartTogetherTests(ScaleOutCluster cluster, ITestOutputHelper output) : ScaleOutTest(cluster, output)
{
    [Fact]
    public async Task InstancesStartedAtOnce_BothServe()
    {
        foreach (var instance in Cluster.Instances)
        {
            using var client = instance.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
        using var proxy = ScaleOutCluster.Client(Cluster.Nginx.Address);
        Assert.Equal(HttpStatusCode.OK, (await proxy.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task InstancesStartedAtOnce_MigrateTheSchemaOnce()
    {
        var applied = await ScaleOutCluster.CountsAsync(Cluster.Database, """SELECT "MigrationId", count(*) FROM "__EFMigrationsHistory" GROUP BY 1""");

        Assert.Equal(new History().Migrations.Keys.Order(StringComparer.Ordinal), applied.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.All(applied, m => Assert.Equal(1, m.Count));
    }

    [Fact]
    public async Task InstancesStartedAtOnce_SeedTheDemoAndTheFirstAdministratorOnce()
    {
        var organisations = await ScaleOutCluster.CountsAsync(Cluster.Database, """SELECT "Name", count(*) FROM "Organisations" GROUP BY 1""");
        var accounts = await ScaleOutCluster.CountsAsync(Cluster.Database, """SELECT "NormalizedEmail", count(*) FROM "AspNetUsers" GROUP BY 1""");

        Assert.Contains(organisations, o => o.Key == "Famille Plus");
        Assert.All(organisations, o => Assert.True(o.Count == 1, $"{o.Count} organisations named {o.Key}"));
        Assert.Contains(accounts, a => a.Key == ScaleOutCluster.AdminEmail.ToUpperInvariant());
        Assert.Contains(accounts, a => a.Key == "CM1@NGO.DEMO");
        Assert.All(accounts, a => Assert.True(a.Count == 1, $"{a.Count} accounts for {a.Key}"));
    }
}
