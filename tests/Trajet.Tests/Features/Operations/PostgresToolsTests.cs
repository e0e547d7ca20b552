using Trajet.Web.Features.Operations;

namespace Trajet.Tests.Features.Operations;

public sealed class PostgresToolsTests
{
    [Fact]
    public void ConnectionString_BecomesLibpqVariables_WithThePasswordOnlyInPgPassword()
    {
        var variables = PostgresTools.ConnectionVariables("Host=db.example;Port=5433;Database=trajet;Username=trajet_app;Password=s3cret;SSL Mode=VerifyFull");

        Assert.Equal("db.example", variables["PGHOST"]);
        Assert.Equal("5433", variables["PGPORT"]);
        Assert.Equal("trajet", variables["PGDATABASE"]);
        Assert.Equal("trajet_app", variables["PGUSER"]);
        Assert.Equal("s3cret", variables["PGPASSWORD"]);
        Assert.Equal("verify-full", variables["PGSSLMODE"]);
        Assert.Single(variables.Values, v => v?.Contains("s3cret", StringComparison.Ordinal) == true);
    }
}
