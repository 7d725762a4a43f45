using Academy.Leeragenda.Services;

namespace Academy.Tests.Leeragenda;

public class CataloguePagingTests
{
    [Fact]
    public void Few_pages_are_all_shown() =>
        Assert.Equal([1, 2, 3], CataloguePaging.Window(2, 3));

    [Fact]
    public void Many_pages_show_first_last_and_a_window_with_gaps() =>
        Assert.Equal([1, null, 48, 49, 50, 51, 52, null, 102], CataloguePaging.Window(50, 102));

    [Fact]
    public void Window_at_the_start_has_one_gap() =>
        Assert.Equal([1, 2, 3, null, 102], CataloguePaging.Window(1, 102));
}
