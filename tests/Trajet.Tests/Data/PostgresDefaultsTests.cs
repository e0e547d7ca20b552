using Npgsql;
using Trajet.Web.Data;

namespace Trajet.Tests.Data;

public sealed class PostgresDefaultsTests
{
    [Fact]
    public void AConnectionStringWithoutPoolSettings_GetsNoResetAndPreparedStatements()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresDefaults("Host=db;Database=trajet;Username=trajet"));

        Assert.True(result.NoResetOnClose);
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("trajet", result.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    public void SettingsTheOperatorChose_AreKept(string connectionString)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresDefaults(connectionString));

        Assert.False(result.NoResetOnClose);
        Assert.Equal(0, result.MaxAutoPrepare);
    }
}
