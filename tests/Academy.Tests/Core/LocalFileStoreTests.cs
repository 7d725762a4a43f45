using Academy.Core.Files;
using Academy.Users.Abstractions;

namespace Academy.Tests.Core;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "academy-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Saves_reads_and_deletes_a_file_and_its_folder()
    {
        var store = new LocalFileStore(root);
        await store.SaveAsync("profiles/u1/m.webp", new MemoryStream([1, 2, 3]));
        Assert.True(await store.ExistsAsync("profiles/u1/m.webp"));
        await using (var read = await store.OpenReadAsync("profiles/u1/m.webp"))
        {
            var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal(new byte[] { 1, 2, 3 }, copy.ToArray());
        }
        await store.DeleteFolderAsync("profiles/u1");
        Assert.False(await store.ExistsAsync("profiles/u1/m.webp"));
        Assert.Null(await store.OpenReadAsync("profiles/u1/m.webp"));
        Assert.Empty(Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("a/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.txt")]
    [InlineData("a//b.txt")]
    [InlineData("")]
    public async Task Refuses_paths_that_leave_the_root(string path)
    {
        var store = new LocalFileStore(root);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(path, new MemoryStream([1])));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(root)!, "outside.txt")));
    }

    [Theory]
    [InlineData("Jan van den Berg", "JB")]
    [InlineData("Fatima", "F")]
    [InlineData("anna de Vries", "V")]
    [InlineData("els", "E")]
    public void Initials_skip_tussenvoegsels(string name, string initials) =>
        Assert.Equal(initials, new MemberProfile("u", name, null, null, null, null, [], false, false).Initials);
}
