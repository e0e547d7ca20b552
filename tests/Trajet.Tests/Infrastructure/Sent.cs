namespace Trajet.Tests.Infrastructure;

public static class Sent
{
    /// <summary>A setup call that must succeed: a broken setup fails here, naming the call, not as a puzzle further on.</summary>
    public static async Task<HttpResponseMessage> Succeeded(this Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
