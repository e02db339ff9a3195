"""pdfminer's orders of a block of table 二's boxes (parsers/tables/active_boxes.py): the model's orders, and the
text's lines that set some aside."""

from parsers.tables.active_boxes import box_orders


def test_a_block_of_two_rows_and_three_columns_prints_in_four_orders_and_its_columns_in_any() -> None:
    orders = box_orders(2, 3)
    down = ((0, 0), (1, 0), (0, 1), (1, 1), (0, 2), (1, 2))
    across = ((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2))
    assert down in orders and across in orders
    assert len(orders) == 4
    # whatever the order, the top left cell prints first and the bottom right one last
    assert {o[0] for o in orders} == {(0, 0)} and {o[-1] for o in orders} == {(1, 2)}
    assert all(sorted(o) == sorted(down) for o in orders)


def test_one_column_or_one_row_prints_in_one_order() -> None:
    assert box_orders(3, 1) == (((0, 0), (1, 0), (2, 0)),)
    assert box_orders(1, 3) == (((0, 0), (0, 1), (0, 2)),)


def test_columns_in_any_order() -> None:
    from parsers.tables.active_boxes import any_column_order

    orders = any_column_order(2, 3)
    # 3271 (pdf-lo-pdfminer): 现行有效件数's two values first, then 本年制发件数's, then 本年废止件数's
    assert ((0, 2), (1, 2), (0, 0), (1, 0), (0, 1), (1, 1)) in orders
    assert set(box_orders(2, 3)) <= set(orders)
