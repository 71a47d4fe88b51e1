// Create a project
//
// Creates an Agora project with the primary app certificate enabled. The API answers 201
// Created on success; any other status is a failure, explained in the "message" field of the
// response.
//
// Set these environment variables first:
//   AGORA_CUSTOMER_ID: Your customer ID
//   AGORA_CUSTOMER_SECRET: Your customer secret
//
// Run (.NET 10 or later): dotnet run app.cs
using System.Net.Http.Headers;
using System.Text;

// The API's scheme and host: the one line to change to call another server.
const string BaseUrl = "https://api.agora.io";

var username = RequireEnv("AGORA_CUSTOMER_ID");
var password = RequireEnv("AGORA_CUSTOMER_SECRET");

// Basic credentials: Base64 of the UTF-8 bytes of "username:password" (never Encoding.ASCII,
// which turns non-ASCII characters into "?").
var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + "/dev/v1/project");
request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
request.Headers.Add("Accept", "application/json");
request.Content = new StringContent("""{"name":"My first project","enable_sign_key":true}""", Encoding.UTF8);
request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

try
{
    using var response = await client.SendAsync(request);
    Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
    Console.WriteLine(await response.Content.ReadAsStringAsync());

    // SendAsync throws only on transport errors; an error status has to be checked here.
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (TaskCanceledException)
{
    Console.Error.WriteLine("error: the request timed out");
    return 1;
}

static string RequireEnv(string name)
{
    var value = Environment.GetEnvironmentVariable(name);
    if (value is null)
    {
        Console.Error.WriteLine($"error: set the environment variable {name}");
        Environment.Exit(1);
    }
    return value;
}
