using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;

namespace Emulator.Core.Tests.Iam;

public sealed class PaginatorTests
{
    [Fact]
    public void Pages_cover_every_item_once_even_when_items_are_deleted_between_pages()
    {
        var items = Enumerable.Range(0, 10).Select(i => $"item{i:D2}").ToList();

        var first = Paginator.Paginate(items, x => x, null, 4);
        items.Remove("item02");
        items.Remove("item04");
        var second = Paginator.Paginate(items, x => x, first.Marker, 4);
        var third = Paginator.Paginate(items, x => x, second.Marker, 4);

        first.Items.Should().Equal("item00", "item01", "item02", "item03");
        second.Items.Should().Equal("item05", "item06", "item07", "item08");
        third.Items.Should().Equal("item09");
        third.IsTruncated.Should().BeFalse();
        third.Marker.Should().BeNull();
    }

    [Fact]
    public void A_marker_not_issued_by_the_emulator_is_Invalid_Marker() =>
        FluentActions.Invoking(() => Paginator.Paginate(new[] { "a" }, x => x, "garbage!", null))
            .Should().Throw<AwsException>().Which.Error.Message.Should().Be("Invalid Marker.");
}
