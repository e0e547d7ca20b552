using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Documents;
using Trajet.Web.Features.Demo;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

/// <summary>What one instance writes, every other reads at once: the database holds it all, the instances nothing.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class SharedRecordsTests(ScaleOutCluster cluster, ITestOutputHelper output) : ScaleOutTest(cluster, output)
{
    [Fact]
    public async Task CaseCreatedThroughOne_IsReadThroughTheOther_AtOnce()
    {
        var token = await ScaleOutCluster.TokenAsync(Cluster.Nginx.Address, "cm1@ngo.demo", DemoSeed.Password);
        using var one = Cluster.First.Client(token);
        using var other = Cluster.Second.Client(token);

        var (id, number) = await CaseBuilder.OpenAsync(one, "plan-together", date: "2026-11-02");

        using var read = await other.GetAsync($"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(number, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
    }

    [Fact]
    public async Task DocumentOfTheLargestSizeUploadedThroughNginx_DownloadsIdenticallyFromEachInstance()
    {
        var token = await ScaleOutCluster.TokenAsync(Cluster.Nginx.Address, "cm1@ngo.demo", DemoSeed.Password);
        using var proxy = ScaleOutCluster.Client(Cluster.Nginx.Address, token);
        var (id, _) = await CaseBuilder.OpenAsync(proxy, "plan-together", date: "2026-11-02");
        // Documents:MaxFileBytes by default: what nginx's client_max_body_size must let through.
        var file = new byte[10 * 1024 * 1024];
        Random.Shared.NextBytes(file);
        System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(file, 0);

        using var upload = await proxy.PostAsync($"/api/cases/{id}/documents", DocumentFiles.Form(file: file, fileName: "decision.pdf"));
        Assert.True(upload.StatusCode == HttpStatusCode.Created, $"the upload answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        var document = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var instance in Cluster.Instances)
        {
            using var client = instance.Client(token);
            using var download = await client.GetAsync($"/api/cases/{id}/documents/{document}/file");
            Assert.True(download.StatusCode == HttpStatusCode.OK, $"{instance.Name} answered {(int)download.StatusCode}");
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.True(file.SequenceEqual(bytes), $"{instance.Name} sent other bytes");
        }
    }
}
