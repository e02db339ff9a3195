"""Cut the snippet texts ``tests/fixtures/extractor_snippets/synth-<seed>-*`` out of a synthetic report's extractor
texts (tuning seeds only: never a held-back one), for rules whose tool output no short own report reproduces.

    .venv/bin/python scripts/synth_reports.py --out /tmp/synth-t --seeds 517,520
    .venv/bin/python scripts/synth_extractors.py /tmp/synth-t --conventions md-pymupdf4llm
    .venv/bin/python scripts/build_synth_snippets.py /tmp/synth-t

Each snippet is the report's title line and the text from table 三's section heading to section 五's:

- ``synth-517-pymupdf-table3.txt``: PyMuPDF's ``get_text(sort=True)`` (``synth_reports``' ``.pymupdf.txt``) puts
  the last numbers of 3.其他 and the label of （七）总计 on one line, a space apart (``184 184 （七）总计``);
- ``synth-520-pymupdf4llm-table3.md``: pymupdf4llm's plain mode loses table 三's last two rows (（七）总计 and
  四、结转下年度继续办理); table 四's heads print 总计.
- ``synth-1105-pymupdf4llm-table3.md``: pymupdf4llm's plain mode splits table 三's value columns into grid columns
  (商业企业 and 科研机构 two each, 法律服务机构 three, 其他 four of which three are 总计's), prints each value in
  every grid column of its column, and in the row a page break cuts (5、属于三类内部事务信息) a value in one grid
  column of two only (``|0|||0|``);
- ``synth-1113-pdftotext-table3.txt``: poppler's ``pdftotext`` default mode prints table 三's values row after row
  in the template's order, its labels apart, and （二）部分公开's first value between the two lines its label's
  note wraps over (``（区分处理的，只计这一情形，`` / ``0`` / ``不计其他情形）``);
- ``synth-1241-docx-pandoc-gfm-table3.md``: pandoc's ``-t gfm`` of LibreOffice Writer's DOCX (``synth_extractors``'
  ``docx-pandoc-gfm``) prints table 三 as two pipe tables, the first (rows 一 to （二）部分公开) without its 总计
  column: six value cells under a header naming 自然人 … 其他; ``synth-1242-docx-pandoc-gfm-table3.md``: the same
  where the table is split over pages, its header repeated (two lines: 自然人 on the first, 商业企业 … 其他 on the
  second) over its last two rows printed without their 总计 cells;
- ``synth-1249-pdftotext-raw-table3.txt``: poppler's ``pdftotext -raw`` of a table 三 with three narrow label
  columns, split over pages with its header repeated: every label wraps over lines of a few characters (``二、上年``
  / ``结转政府信息公开申请数``, ``（一）予以公`` / ``开``);
- ``synth-1247-markitdown-pdf-table3.md``: markitdown's text of a PDF whose narrow label column wraps table 三's
  numbered labels, each row's values printed between its label's two lines (``6.属于`` / ``| | 0 0 | …`` /
  ``四类过程性信息``);
- ``synth-1240-pdfplumber-table3.txt``: pdfplumber's ``extract_text`` prints the line of （二）部分公开's note that
  ends in a full-width comma, a space, then the row's numbers (``理的，只计这一情形， 0 0 0 1 0 0 1``);
- ``synth-1256-pymupdf4llm-table3.md``: pymupdf4llm's plain mode splits table 三's columns into 12 grid columns
  under rows （三）不予公开 1–7, on a page without the table's header (``1.属于国家秘密|1|0|0|0|0|0|0|0|0|0|1|1|``);
- ``synth-1249-pymupdf4llm-table3.md``: pymupdf4llm's plain mode repeats table 三's header over its last rows, its
  last cell ``总计`` on a line of column heads before 3.其他 and （七）总计;
- ``synth-1241-docx-pandoc-markdown-table3.md``, ``synth-1242-docx-pandoc-plain-table3.txt``: pandoc's Markdown and
  plain writers of the same DOCX as the ``-t gfm`` snippets: multiline tables laid out by spaces under a ruler of
  dash runs, the rows above the first page-wide row (1241) or the last two rows (1242) without their 总计 column,
  their six values under the header's names 自然人 … 其他 (a CJK character two columns wide);
- ``synth-1241-bs4-glued-table3.txt``, ``synth-1242-bs4-glued-table3.txt``: BeautifulSoup's ``get_text()`` with no
  separator: each row's digits glued to its label (``3、其他0000000``, ``8.属于行政査询事项0000000``), and the label of
  （七）总计 glued to the rowspan's 三、本年度办理结果 where the table is split over pages (1242);
- ``synth-1246-pymupdf4llm-layout-table3.md``: pymupdf4llm's layout mode cuts the grid at every rule the page draws,
  so sections 三's and 四's headings print as table rows cut into cells, and table 四's head as ``|行|政复议|…``:
  no cell holds 行政复议 whole; and table 二's 政府集中采购 amount 254.65 cut at a grid rule (``|4|2|54.65|``) under
  its header cell cut the same way (``|采购项目数量本|年收费金额|（单位：万元）|``);
- ``synth-1241-pymupdf4llm-layout-table2.md``: the same mode's table 二, whose 行政事业性收费 amount 5.307242 prints
  across two grid cells (``|5.30724|2|``) under a header cell printed in five (``|本|年收|费金额（单位|：万|元）|``);
  ``synth-1249-pymupdf4llm-layout-table2.md``: the same, 行政许可's 24689 as ``|2|4689|`` and the fee amount 240.958653
  in three grid cells (``|240|.958|653|``);
- ``synth-1246-pymupdf4llm-table2.md``: pymupdf4llm's plain mode prints table 二's first block under a header whose
  merged cells print their text in their first grid column and ``ColN`` placeholders in the others
  (``|本年新制作数量|Col3|Col4|本年新公开数量|Col6|Col7|Col8|对外公开总数量|``), each row's number repeated in every
  grid column of its cell (``|规章|0|0|0|4|4|4|4|6|``);
- ``synth-1242-pymupdf4llm-layout-table3.md``: pymupdf4llm's layout mode lays （七）总计's label end and the row's first
  two values into one grid cell, a line each (``|三、本年度办理结果<br>（七）总|计<br>45<br>0|0|3||0||1|49|``);
- ``synth-1259-pdftotext-default-table3.txt``, ``synth-1254-pdftotext-default-table3.txt``,
  ``synth-1255-pdftotext-default-table3.txt``: poppler's ``pdftotext`` default mode prints table 三's values in the
  template's row order but for a few cells it puts in other blocks: 一、本年新收's 总计 after （六）其他处理's values
  (1259), （七）总计's 总计 among 3.其他's values and a 0 of 一、本年新收 after its 总计 (1254), 一、本年新收's 科研机构
  value after its 社会公益组织 and 法律服务机构 cells (1255);
- ``synth-1256-pdftotext-default-table3.txt``: the same mode's table 三 with narrow cells of one digit each, their
  digits glued into words where they stand close (``0 00 0000``, ``3 05 0008`` for 3 0 5 0 0 0 8);
- ``synth-1240-pdftotext-default-table4.txt``, ``synth-1242-pdftotext-default-table4.txt``,
  ``synth-1249-pdftotext-default-table4.txt``: the same mode's table 四, its heads in groups each followed by its
  columns' values: 未经复议直接起诉's 总计 after 复议后起诉's four values, its head in that group (1240, 1249), and
  行政复议's 总计 before its 其他结果 and 尚未审结 (``2 0 21 19 0``) with 未经复议直接起诉's after three of
  复议后起诉's values (1242);
- ``synth-1262-pymupdf4llm-table2.md``, ``synth-1267-pymupdf4llm-table2.md``, ``synth-1278-pymupdf4llm-table2.md``
  (``/tmp/bat31``'s tuning part): pymupdf4llm's plain mode prints table 二's merged cells' numbers in every grid
  column they cover: ``|28|28|28|28|28|－7|－7|0|0|`` (a full-width minus, 1262), 其他对外管理服务事项's
  ``|0|0|0|0|0|0|243|243|243|`` (1267), and a block whose first row, a row of values, is taken for the header
  (``|行政处罚|2|Col3|Col4|0|Col6|7|Col8|`` over ``|行政强制|5|5|5|0|0|12|12|``, 1278);
  ``synth-1261-pymupdf4llm-table3.md``: table 三 whose 总计 column's lower header cell prints 其他, its neighbour's
  (``|法人或其他组织|总<br>计|`` over ``|其<br>他|其<br>他|``), every applicant a 其他 (``|0|0|0|0|0|11|11|``);
- ``synth-1258-pypdf-table2.txt``: pypdf's text of 2019's table 二, 行政事业性收费's label wrapped with its values on
  the second line (``行政事业性收`` / ``费 3 0``) and 政府集中采购's count and amount in one cell
  (``政府集中采购 1；4.904693``); ``synth-1261-pymupdf4llm-layout-table2.md``: the layout mode's
  ``|行政事业|性收费|0|1|||``;
  ``synth-1258-pymupdf4llm-layout-table2.md``: the layout mode cutting that count/amount cell (``|1|；4.904693|``);
  ``synth-1278-pymupdf4llm-layout-table2.md``: the layout mode laying a label's end and two values into one grid
  cell (``|其他对外管|理服务事项<br>5<br>0||3|``) and a row's first value under its label (``|行政处罚<br>2|0|7||``);
  ``synth-1246-markitdown-pdf-table2.md``: markitdown's text of a PDF wrapping 行政事业性收费's label over three lines,
  its values in a pipe row on the middle one (``行政事`` / ``| 业性收 |     | 5   |     | 0   | …`` / ``费``).
- ``synth-1240-pdftotext-default-table2.txt`` (2021), ``synth-1264-pdftotext-default-table2.txt``,
  ``synth-1267-pdftotext-default-table2.txt`` (2019): poppler's ``pdftotext`` default mode prints each cell of
  table 二 as a block, a value alone between blank lines, a 第二十条 block's values after its labels and header
  cells, row after row (``规章`` / ``0`` / ``0`` / ``88`` / ``41`` / ``35`` / ``0`` / ``行政规范性文件``, 1264); 1267
  prints the values of items （一） and （五） before （五）'s title; ``synth-1260-pdftotext-default-table2.txt`` the
  same in a text read row by row (its table 三's labels not stacked), ``synth-1276-pdftotext-default-table2.txt``
  其他对外管理服务事项's values before its label wrapped over four lines;
- ``synth-1305-pdftotext-default-table4.txt``, ``synth-1312-pdftotext-default-table4.txt``,
  ``synth-1326-pdftotext-default-table4.txt`` (``/tmp/t37/bat33``, seeds 1300–1339, tuning): poppler's
  ``pdftotext`` default mode prints 未经复议直接起诉's 总计 head with 复议后起诉's heads and its value after
  复议后起诉's four result values, before their 总计 (``1 0 0 0 1 1``, ``0 0 1 2 0 3``, ``9 0 0 1 0 10``);
  ``synth-1332-pdftotext-default-table4.txt`` (the same battery): the same group's heads printed column by column,
  a block each (``总 计`` / ``结 果 维 持`` …), and its values in the heads' order (``1 0 0 0 1 1``, the 总计's 1
  first);
- ``synth-1289-pdftotext-default-table4.txt`` (bat32's tuning seed 1289, ``/tmp/t38/x32``),
  ``synth-1714-pdftotext-default-table4.txt`` (``/tmp/t38/bat``, seeds 1700–1729, tuning): poppler's ``pdftotext``
  default mode prints every head of table 四 before its values, as blocks of one column (``结`` / ``果`` / ``维`` /
  ``持``) or of several (``尚`` / ``未 总 结 结`` / ``审 计 果 果`` / …), and the values in the order of those blocks:
  each block's first column's value, block after block, then the blocks' other columns' (1289: 14 values, then
  ``复议后起诉``, then 复议后起诉's 总计);
- ``synth-1703-pdftotext-default-table2.txt`` (``/tmp/t38/bat``, tuning): the same mode's table 二 whose
  第二十条第（五）项 title wraps before its 项 (``第二十条第（五）`` / ``项``), printed after item （六）;
- ``synth-1700-pdftotext-default.txt`` (``/tmp/t38/bat``, tuning; whole): the same mode prints table 四's last
  group, 复议后起诉's heads and six values, after section 五's heading;
- ``synth-1725-pdftotext-default-table4.txt`` (``/tmp/t38/bat``, tuning): the same mode's text in column order
  (table 三's labels stacked), table 四's heads printed a character a block, a row of characters at a time, its
  values in two runs, the second 未经复议直接起诉's and 复议后起诉's four result values, then both 总计;
- ``synth-1720-pdftotext-default-table3.txt`` (``/tmp/t38/bat``, tuning): the same mode prints table 三's last
  cell (四、结转's 总计 ``1``) after section 四's heading and table 四's first heads, as table 四's first value;
- ``synth-1280-pdftotext-default-table4.txt`` (``/tmp/bat32``'s tuning part): poppler's ``pdftotext`` default mode
  prints table 四's 未经复议直接起诉 总计 head with 复议后起诉's heads and its value among their values
  (``1 0 1 0 1 2``): three places of it hold the three row totals; ``synth-1286-pdftotext-default-table3.txt``: the
  same mode's table 三 in column order, its values in the template's order, its （七）总计 商业企业 printed 8 where its
  rows sum to 0 (a wrong published total); ``synth-1287-pdftotext-default-table2.txt``: the same mode's table 二 whose
  （一） block prints its two labels on adjacent lines, then its six values each a block of its own (``规章`` /
  ``行政规范性文件`` / ``1`` / ``0`` / ``8`` …); ``synth-1295-pdftotext-default-table3.txt``: the same mode's 2019 table
  三 in column order, its first row's 自然人 and 商业企业 values and a 0 of the second row printed with the header's
  cells after the values of eight rows (``商业`` / ``科研`` / ``企业`` / ``机构`` / ``31`` / ``3`` / ``0`` / ``人``);
- ``synth-1261-pypdf-table2.txt``, ``synth-1262-pypdf-table2.txt``: pypdf's text of table 二 printing 政府集中采购's
  row on one line, single-spaced, its amount with its unit (``政府集中采购 3 2万元``) or with a space after its
  decimal point (``政府集中采购 7 4. 2``);
- ``synth-1270-pypdf-table3.txt``: pypdf's text of a table 三 whose label column wraps every label over lines of
  three characters, 一、本年新收's head alone on its first (``一、本`` / ``年新收`` / ``政府信`` …), and
  （六）其他处理 printed as one row (``（六）`` / ``其他处`` / ``理`` / ``0 0 0 0 1 0 1``);
- ``synth-1243-pdfplumber-layout-table4.txt``: pdfplumber's layout text of a table 四 whose 复议后起诉 row is blank
  (ten values for 15 cells), every line of the table starting after the page's margin of 11 spaces, the heads of
  the two 行政诉讼 groups on lines of their own, indented past the 行政复议 group's five.

- ``synth-1269-html-pandoc-markdown-table3.md``, ``synth-1275-html-pandoc-plain-table3.txt``: pandoc's Markdown and
  plain writers of a page whose layout table frames the whole report (``| … |`` each line, cut at the frame's
  width): table 三's rows cut in two, the first value on the label's line; 1269's cells broken over the cut
  (``… 1`` / ``1 0 1 0 0 0 12`` for 11 … 12), 1275's empty cells printing nothing.

- ``synth-1260-bs4-glued-table2.txt``, ``synth-1262-bs4-glued-table2.txt``: BeautifulSoup's ``get_text()`` with no
  separator of table 二 (format 2019): runs holding a negative change (``行政事业性收费58-2``,
  ``其他对外管理服务事项28－70``) and a decimal amount (``政府集中采购01.68``, ``政府集中采购74.2``).
  ``synth-1265-bs4-glued-table2.txt``, ``synth-1275-bs4-glued-table2.txt`` (bat31's tuning part): runs holding the
  dash of an empty cell (``规章0—1``, ``行政规范性文件01—``); ``synth-1258-bs4-glued-table2.txt`` (bat30's),
  ``synth-1274-bs4-glued-table2.txt`` (bat31's): 政府集中采购's count and amount in one cell
  (``政府集中采购1；4.904693``, ``政府集中采购1项/29万元``); ``synth-1261-bs4-glued-table2.txt`` (bat31's) and
  ``synth-1286-bs4-glued-table2.txt`` (bat32's): a run whose amount prints its unit (``政府集中采购32万元``,
  ``行政事业性收费0万元``), the last row of table 二; 1286's table 三 publishes a wrong （七）总计 商业企业 cell, so
  that no split of its run holds the row total.
- ``synth-1247-bs4-glued-table3.txt`` (bat30's tuning part): the same text's table 三 whose published （七）总计
  total is wrong (``8555200229211166``: the six add up to 1157), and whose 1.本机关不掌握相关政府信息 splits two
  ways that hold its total.

- ``synth-1264-bs4-lines-table2.txt``: BeautifulSoup's text of a Word-saved page (``html-bs4-lines``) whose cells are
  padded with ``&nbsp;``: 行政强制's 上一年项目数量 printed as a dash between no-break spaces (``\\xa0—\\xa0``).
- ``synth-1264-html-pandoc-plain-table3.txt``: pandoc's plain writer prints ``[TABLE]`` in table 三's place (a table
  with merged cells it cannot lay out as text).
- ``synth-1283-html2text-table3.md`` (``/tmp/bat32``'s tuning part): html2text's rows without outer pipes of a
  table 三 whose label cells hold a line break: each numbered label's start on a line of its own, its rest opening
  the row that prints the cells, blank ones empty (``3．危及`` / ``“三安全一稳定”| 0| 0| 0| | 0| 0| 0``), and a
  published 总计 that fails its identity.
- ``synth-1283-markitdown-html-table3.md``, ``synth-1275-markitdown-html-table3.md`` (bat32's and bat31's tuning
  parts): markitdown's text of a page laid out in a one-column table: table 三 nested in its cell, flattened into
  the page's one pipe line, a row's end and the next row's start ``| |``, an empty ``<td>`` ``|  |`` (1283: the
  html2text snippet's page; 1275: table 三's rows each with one blank cell, the identities hold).
- ``synth-1264-docx-pandoc-markdown-table2.md``, ``synth-1265-docx-pandoc-markdown-table2.md`` (bat31's tuning
  part): pandoc's Markdown writer (``smart``) prints a table 二 cell's dash as ``---`` (``行政强制  ---  0  0``).
- ``synth-1280-lynx-table2.txt`` (bat32's tuning part): lynx's text of a table 二 that prints a cell a line, the fee
  row's label misprinted (``行政事业收费``, the 性 left out) on a line of its own, its value two lines below.
- ``synth-1256-pypdf-layout-table3.txt``: pypdf's layout mode of a table 三 whose rows after a page's turn lose the
  gaps between narrow columns: each row a few runs of digits (``3 05 0 008``, ``（七）总计 … 440120 0056``).
- ``synth-1284-pymupdf4llm-layout-table3.md`` (``/tmp/bat32``'s tuning part): pymupdf4llm's layout mode cuts labels
  into cells on one line (``|(|七)总|计||76|…``, ``|四|、结转|下年|度继续|办理|…``) and lays section 四's heading over
  a row of cells, line by line (``|四、<br>行|政府<br>政复|信息<br>议|公开|…``).
- ``synth-1282-markitdown-pdf-table2.md`` (``/tmp/bat32``'s tuning part): markitdown's text of a PDF prints table 二's
  rows as pipe rows between their label's lines (`` 行政许`` / ``|     |     |  1808  |     |  0  |     |  827  |`` /
  ``| --- | …`` / ``可``), the empty cells printing nothing.
- ``synth-1250-pdftotext-default-table4.txt`` (``/tmp/bat30``'s tuning part),
  ``synth-1260-pdftotext-default-table4.txt`` (``/tmp/bat31``'s): poppler's ``pdftotext`` default mode prints
  table 四 short of values, in its block order: 1250's last four after section 五's heading (the cut ends at that
  heading: 11 values), 1260's 复议 row blank and 未经复议直接起诉's 总计 after 复议后起诉's four values (``1 0 1 1`` /
  ``复议后起诉`` / … / ``0 0 0 0 3 0``).
- ``synth-1273-pdftotext-default-table3.txt`` (``/tmp/bat31``'s tuning part, from section 二's heading): the same
  mode's table 三 with its labels stacked (column order), its 175 values in the template's row order but for
  three zeros of 5.属于三类内部事务信息 printed with a repeated header's cells after
  四、结转下年度继续办理's values (``科研`` / ``企业`` / ``机构`` / ``0`` / ``0`` / ``0`` / ``人``).
- ``synth-1266-pdftotext-default-table3.txt``, ``synth-1278-pdftotext-default-table3.txt`` (``/tmp/bat31``'s tuning
  part): the same mode's table 三 whose wrapped labels print among their values. 1266: the labels of （一） and （二）
  and their first two values are one block (``（一）予以公开`` / ``20 3`` / … / ``不计其 30 1`` / ``他情形）``), the
  rows' other ten values after it, row after row; a 0 printed between two lines of （六）2.'s label (``缴纳费用`` /
  ``0`` / ``、行政机关…``). 1278: three rows' first values printed after （四）'s rows, with labels printed there
  (``1.属于国家秘密`` / ``1`` / ``4.保护第三方合法权`` / ``0``), the rest of the stream in the template's order.
- ``synth-1260-pdfium-table3.txt`` (``scripts/probe_conventions.py``' ``pdf-pdfium`` of ``/tmp/bat31``'s tuning
  part, the half of the probe its rule was made on): pypdfium2's ``get_text_range`` breaks a line after every glyph
  of table 三's rows under the vertical （三）不予公开 / （四）无法提供 / （五）不予处理 cells: the label a glyph a line
  (``3．危`` / ``及`` / …), then the values a **digit** a line (``111`` as ``1`` / ``1`` / ``1``).
- ``synth-1261-asciidoc.txt``, ``synth-1266-asciidoc.txt`` (the same probe's ``html-pandoc-asciidoc``, whole):
  pandoc's AsciiDoc writer; its tables between ``|===`` fences, a row over two lines where a cell is long (1261),
  and a page whose one-column layout table (``[cols="100%"]``) nests the report's tables as ``!===`` tables (1266).
- ``synth-1243-lxml-text-table3.txt`` (the probe's ``html-lxml-text`` of ``/tmp/bat30``'s tuning part): lxml's
  ``text_content`` glues tables 三's and 四's cells, its last row printed empty: ten digits for fifteen cells
  (``1000110102``).
- ``synth-1242-pdftotext-nopgbrk.txt``, ``synth-1255-pdftotext-nopgbrk.txt`` (the probe's ``pdftotext-nopgbrk`` of
  ``/tmp/bat30``'s tuning part, whole: no form feed marks them a PDF's, their prose's page lines do): poppler's
  ``pdftotext -nopgbrk``, the default mode's block order; table 四's values out of the table's order (1242:
  行政复议's 总计 before its 其他结果 and 尚未审结, as the default mode's snippet; 1255: 复议后起诉's 结果维持 after
  未经复议直接起诉's first value, ``0`` / ``1`` / ``0`` / ``27``).
- ``synth-1275-bs4-lines-table3.txt`` (``/tmp/bat31``'s tuning part): BeautifulSoup's text of a page that prints a
  cell a line (``html-bs4-lines``) of a table 三 whose empty cells print nothing: five rows of seven cells with six
  values (``1、属于国家秘密`` / ``0`` / ``0`` / ``0`` / ``1`` / ``0`` / ``1``, its 社会公益组织 cell empty).
- ``synth-1800-pdfminer-table2.txt``, ``synth-1806-pdfminer-table2.txt`` (``/tmp/w38/bat``'s tuning part, seeds
  1800–1829, ``pdf-pdfminer``): pdfminer.six's text boxes of table 二 from section 二's heading, each cell a box, a
  blank line after each. A block's row labels all print before its values; 1800's values come a column at a time,
  each column's run after its head (``本年`` / ``制发`` / ``件数`` / ``—`` / ``—`` / ``本年`` / ``废止`` / ``件数`` /
  ``1`` / ``9`` …); 1806's in one run (``规章`` / ``行政规范性文件`` / ``0`` / ``6`` / ``14`` / ``0`` / ``181`` /
  ``143``: column after column, which nothing in the run says). ``synth-1813-lo-pdfminer-table2.txt`` (pdfminer on
  LibreOffice Writer's PDF, ``pdf-lo-pdfminer``): a column's run with the second label inside it (``规章`` / ``0`` /
  ``行政规范性文件`` / ``105`` / ``0`` / ``0`` / ``54`` / ``1046``: column after column); and
  ``synth-1808-pdfminer-flow-none-table2.txt`` (``pdf-pdfminer-flow-none``, boxes by their lower left corners): the
  second row's label wrapped lower than its values prints after them (``规章`` / ``5`` / ``0`` / ``36`` / ``35`` /
  ``0`` / ``0`` / ``行政规范性文`` / ``件``: row after row). ``synth-1820-pdfminer-flow-none-table2.txt`` (the same
  convention): every row of table 二 prints its values before its label (``0`` / ``0`` / ``1`` / ``规章`` / ``1`` /
  ``1`` / ``1`` / ``行政规范性文件``), values standing between each block's title and its first label.
- ``synth-1827-lo-pdfminer-table4.txt`` (``pdf-lo-pdfminer``): LibreOffice Writer's PDF cuts table 四 at the page's
  right edge: its header prints 行政复议 and 未经复议直接起诉 but no 复议后起诉, its last head ``总`` (计 after the
  table), and the row ten values.
- ``synth-1805-pdfminer-table3.txt`` (``pdf-pdfminer``): table 三's first row prints one value on its label's line
  (``一、本年新收政府信息公开申请数量 1771``: the natural persons' count), its other values far from it.
- ``synth-1604-pymupdf4llm-table4.md`` (``md-pymupdf4llm``): pymupdf4llm's plain mode prints table 四's heads as a
  pipe table (``|行政复议|Col2|…|行政诉讼|Col7|``, ``|结果维<br>|结果纠<br>|…``) and none of its values.

Version 108 (issue 8, p39):

- ``synth-2018-bs4-glued-table3.txt``, ``synth-2036-bs4-glued-table3.txt``: BeautifulSoup's glued text of a table 四
  whose published 总计 of one row is wrong: one run (``000051005600101``), no split of which holds all three row
  totals; 2018's has one split whose other two rows' totals hold, 2036's two (``0 5 0 0 11`` or ``0 50 0 1 1``);
- ``synth-2015-bs4-glued-table3.txt``: a misprinted label glued to its group's heading and its digits
  (``（四）无法提供1.本机关不常握相关政府信息086000086``);
- ``synth-2066-mammoth-table3.md``: mammoth's Markdown of a DOCX (a cell a paragraph, Markdown's escapes
  ``1\\.属于国家秘密``, ``\\(一\\)``), whose blank cells print nothing;
- ``synth-2026-html-pandoc-plain-table3.txt``: pandoc's plain writer prints table 四 as ``[TABLE]``;
- ``synth-2011-html2text-table3.md``: html2text prints table 四's blank first row as empty cells
  (``| | | | | 0| 0|…``, its first bar lost: 14 fields for 15 cells);
- ``synth-2048-html-pandoc-plain-table3.txt``: pandoc's plain writer inside a portal's layout frame narrower than
  table 四: its ruler and each of its lines wrapped into pieces, the blank row's cells spaces no ruler lays out;
- ``synth-2011-html-to-markdown.md`` (whole): html-to-markdown drops the page's ``<form>``, which holds the article:
  the portal's links and footer only.

- ``synth-1977-pdfplumber-table3.txt`` (``pdf-pdfplumber``): a narrow label column wraps （六）其他处理's sub-rows
  (``1.申请人无正`` / ``当理由逾期不`` / ``补正、行政机``, ``2.申请人逾期`` / ``未按收费通知`` / … / ``要求缴纳费``
  / ``用、…``) so neither 不补正 nor 缴纳费用 is one line's, the table's header repeated between two lines of a label.


- ``synth-1963-markitdown-pdf-table4.md`` (``md-markitdown-pdf``): table 四 whose 未经复议直接起诉 row is blank, its
  values row on a grid of the page's rules, two values in a field at times and one empty field between the fifth
  value and the sixth (``| 0 0 | 0 0 | 0 | | 0 0 | 1 0 | 1 |``).
- ``synth-4044-markitdown-pdf-table4.md`` (``/tmp/b46/tune``, tuning seeds 4040–4079, ``md-markitdown-pdf``): the
  same with its 复议后起诉 row blank, two values a field padded by runs of spaces (``|  0   0  |  1   2  | …``) and
  three empty fields after the last value.
- ``synth-4044-pdfplumber-table4.txt`` (``/tmp/d47/tune``, a copy of ``/tmp/b46/tune``, ``pdf-pdfplumber``): the same
  table in pdfplumber's ``extract_text``, its ten values on one line a space apart (``0 0 1 2 3 1 0 0 0 1``): an
  empty cell prints nothing, so nothing tells which row is blank.
- ``synth-7307-pdfplumber-table4.txt`` (``/tmp/g53/tune``, tuning seeds 7307 7311 7336 7337 7397 7406 7409 7442 7468
  7495, ``pdf-pdfplumber``): table 四 with its 复议后起诉 row blank (an empty ``<td>``, printing nothing) and its
  行政复议 total published wrong (4 for 0 1 0 1), the ten values on one line a space apart (``0 1 0 1 4 1 1 9 0 11``):
  a total fails wherever the blank row goes, and the identities tie.
- ``synth-7409-pdfminer-flow-none-table4.txt`` (the same batch, ``pdf-pdfminer-flow-none``): table 四 with its 行政复议
  row blank (Word's ``&nbsp;`` cells), its ten values a paragraph each, then five lines of no-break spaces a single
  line break apart before the page's form feed: pdfminer's empty lines, put after every text box of the page
  wherever they stood.
- ``synth-7307-pdfminer-table3.txt`` (the same batch, ``pdf-pdfminer``): table 三 in pdfminer's nested boxes, its
  自然人 values among the row labels, then 商业企业 to 法律服务机构 (all zeros) column after column, then 其他 and
  总计 in bands of their own rows: a table whose candidates the search found only past its step budget at version
  223 (3.75 million steps), as every group of zeros was tried division by division.
- ``synth-7468-pdfminer-table2.txt`` (the same batch, ``pdf-pdfminer``): table 二's header cells wrapped by
  Chromium (``本年制发件`` / ``数``), pdfminer's boxes printing the heads' first lines, then each head's last piece
  followed by its column's two values (``数 0 10 数 0 1 数 0 0``): 第二十条第（一）项 read column by column.
- ``synth-7397-pdfminer-table2.txt`` (the same batch, ``pdf-pdfminer``): table 二's 行政规范性文件 printed with its
  first value on its line, a box of its own (``行政规范性文件 7``), the block's other values in boxes below it;
  ``synth-7505-lo-pdfminer-table2.txt`` (``/tmp/q55/tune``, seeds 7500–7514, tuning; ``pdf-lo-pdfminer``): the same
  line ending the block's values (``行政规范性文件 44`` before 第二十条第（五）项).
- ``synth-7495-pdfminer-table3.txt`` (``/tmp/g53/tune``, ``pdf-pdfminer``): table 三 in an order no reading of
  pdfminer's boxes describes (values grouped with the label column), three rows' first values on their labels'
  lines, a box each (``一、本年新收政府信息公开申请数量 857 130 705``, ``1.属于国家秘密 0``).
- ``synth-7623-pdfminer-table3.txt`` (``/tmp/q56/tune``, seeds 7620–7634, tuning; ``pdf-pdfminer``): table 三's
  last band of rows (15–20) printed with its first two columns (自然人, 商业企业) after its other five, the boxes
  beside the row labels grouped after the others; no other order of pdfminer's holds every identity (version 274:
  wholly blank).
- ``synth-8001-markitdown-pdf-table3.md`` (``/tmp/u58/tune``, seeds 7990–8049, tuning; ``md-markitdown-pdf``):
  table 三's labels wrapped in a narrow column, four rows' item numbers alone on their lines of values (``5. 0 0 0 0
  16 0 16``), the label's words on the lines below (version 286: the four rows blank).
- ``synth-8014-markitdown-pdf-table3.md`` (``/tmp/u58/tune``, tuning; ``md-markitdown-pdf``): a 2021-format
  table 三 printing （六）其他处理 as one row (the 2019 format's shape), its labels one character a line: no reading
  finds that row nor 2021's three under it (version 293: the one row's seven blanks named by no warning).
- ``synth-8032-pymupdf4llm-layout-table2.md`` (``/tmp/u58/tune``, tuning; ``md-pymupdf4llm-layout``): table 二's
  header cell 对外公开总数量 cut by a grid rule (``对外公|开总数量``), 行政规范性文件's first value glued to its label
  (``|行政规范性文件0<br>117<br>132|``): read with the header's two columns, 117 and 132 a column left and
  total_published blank, no warning naming them (version 296).
- ``synth-7999-pymupdf4llm-layout-table2.md`` (``/tmp/u58/tune``, tuning; ``md-pymupdf4llm-layout``): table 二's
  政府集中采购 amount 6.40 printed across two grid cells under its header cell (``|165|6|40|``), its point alone in
  the grid row under them (``|.<br>|``): joined as 640 (a wrong number, warned ``number_across_cells``, version 296).
- ``synth-8036-pymupdf4llm-layout-table2.md``, ``synth-8037-…``, ``synth-8043-…``, ``synth-8041-…``,
  ``synth-8001-pymupdf4llm-layout.md``, ``synth-7992-…`` (``/tmp/u58/tune``, tuning; ``md-pymupdf4llm-layout``) and
  ``synth-8022-pymupdf4llm-table2.md``, ``synth-8003-…`` (``md-pymupdf4llm``): numbers cut inside their thousands
  groups (``|4,|264|``, ``|19,0|75|``); a table 二 row beside the next block's title, its number alone in its cell
  (``|行政强制<br>|第二十条第|（八）|项|1|``); section 二's heading at a paragraph's end; the fee row with section 三's
  heading laid into its cells (``|行政事业性收<br>三、收到和处理|费<br>政府信息公|…|4.<br>请人情况|64<br>|``);
  政府集中采购's ``3；8.2`` under its label in one cell; a dash repeated across a split column (``|—|—|``); the
  procurement row and section 三's heading in one plain grid cell, a space apart (version 310: read wrong or blank).
- ``synth-8028-pymupdf4llm-table3.md`` (``/tmp/u58/tune``, tuning; ``md-pymupdf4llm``): table 三 after a page break
  under a row of values pymupdf4llm took for its header (``|二、上年结转…|Col2|Col3|586|Col5|0|Col7|…``), each number
  repeated across its grid columns; rows whose label runs into the first value column (``|4．保护第…|4．保护第…|439|``)
  kept the header's runs from every row (version 311: 28 cells blank).
- ``synth-10648-pymupdf4llm-table3.md`` (``/tmp/u61/tune``, seeds 10640–10669, tuning; ``md-pymupdf4llm``): table 三
  in a split grid (其他 three grid columns, 总计 two), its last rows' labels run over four value grid columns
  (``|（七）总计|（七）总计|…|13|0|…``): those rows' numbers parted 其他's grid columns, every row then read with nine
  values (version 322: 11 totals read 0, wrong numbers).
- ``synth-10664-pymupdf4llm-layout-table3.md``, ``synth-10650-pymupdf4llm-layout.md`` (whole; ``/tmp/u61/tune``,
  tuning; ``md-pymupdf4llm-layout``),
  ``synth-10461-pymupdf4llm-layout-table2.md`` and ``synth-10462-pymupdf4llm-layout.md`` (whole; ``/tmp/u60/held``,
  seeds 10460–10479, held back in session 25, tuning since): a section's heading cut across a grid row's cells, a
  piece a cell: above table 四's header as each cell's first line (``|四、政府信息<br>行|公开行政复<br>政复议|…``, or
  after a header's word, ``|结|四、<br>行<br>结|政府<br>政复<br>其|…``), section 二's over two cells
  (``|二、主动公开政府<br>|信息情况<br>|``), cells of one line (``|四|、政府|信息公|…``), and section 五's under table
  四's values as each cell's second line (``|0|2<br>五、|10<br>存在|…``): table 四 or table 二 not found (version 323:
  15 and 9 cells blank).
- ``synth-10466-pymupdf4llm-layout-table2.md`` (``/tmp/u60/held``, tuning; ``md-pymupdf4llm-layout``): table 二's
  header cells cut across the grid's (``|信息内容上一年项目数|量本年增/减本年处理决|定数量|``), a row's first number
  in its label's cell, the others a field to the left of their columns (``|行政处罚10|20<br>5||``): the label's
  number dropped, 20 and 5 read as the first two cells (version 324: 4 wrong numbers, no warning).
- ``synth-10468-pymupdf4llm-table3.md`` (``/tmp/u60/held``, tuning; ``md-pymupdf4llm``): table 三's 总计 header cell
  printed as a placeholder after 其他 (``|其<br>他|Col10|``), every applicant an 其他 one, so both grid columns print
  one number in every row (``|0|0|0|0|0|18|18|``): read as one merged cell, six values for seven cells (version 325:
  147 cells blank).
- ``synth-10670-pymupdf4llm-layout.md`` (whole; ``/tmp/u61/held``, seeds 10670–10699, held back in session 26,
  tuning since; ``md-pymupdf4llm-layout``): table 二's rows in a grid of their own under the block's header in
  another, a number cut at a rule of the row's grid (``|行政处罚|0||0|||24|3|``, ``|行政强制|17||-|6||17||``), and
  政府集中采购's count and amount cell cut across fields after an empty one (``|政府集中采购||294|项/13|.712|万元|||``)
  (version 334: 24, 6 and 294 read for 243, 17 and 13.712, wrong numbers, warned ``extra_values`` or
  ``missing_cell``).
- ``synth-10671-pymupdf4llm-table3.md``, ``synth-10683-pymupdf4llm-table3.md`` (``/tmp/u61/held``, tuning;
  ``md-pymupdf4llm``): table 三 in a split grid that prints a merged label cell in each grid column it covers
  (``|一、本年新收政府信息公<br>开申请数量|一、本年新收政府信息公<br>开申请数量|99|0|…``,
  ``|（五）不<br>予处理|（五）不<br>予处理|1.信访举<br>报投诉类<br>申请|1.信访举<br>…|``) beside rows printing more
  values than cells: the label cells read line by line into one label that matches nothing
  (``（五）不（五）不1.信访举1.信访举予处理予处理…``), the rows' values unassigned (version 342: 2 wrong numbers, 12
  cells blank in 10671; 3 blank in 10683).
- ``synth-11648-pymupdf4llm-table3.md`` (``/tmp/u64/tune``, u63's spent held back 11630–11659, tuning;
  ``md-pymupdf4llm``): table 三 in a split grid whose rows print each value in two grid columns, 自然人 printed
  blank in both (``|二、上年结转…|||0|0|0|0|0|0|32|32|0|32|``): the rows' grouping by their numbers read the row
  from its first number, the blank dropped (version 345: 0 read for the blank in two rows, wrong numbers).
- ``synth-11630-pymupdf4llm-layout-table3.md`` (the same folder; ``md-pymupdf4llm-layout``): two rows and a
  group's head laid into one grid row, a ``<br>`` line each (``（二）部分<br>公开（…）<br>（三）不<br>予公开<br>``
  ``1.属于国<br>家秘密|0<br>0|…``): three labels over two values a cell (version 345: 12 cells blank).
- ``synth-11640-markitdown-pdf-table3.md`` (the same folder; ``md-markitdown-pdf``): an item's number on its
  row's line of values (``|  （四） |  1．  0  |``), read as the spaced decimal 1.0 in a count (version 345: a
  wrong number).
- ``synth-11630-markitdown-pdf-table2.md`` (the same folder; ``md-markitdown-pdf``; from section 二): table 二's
  first block whose header a ``信息内容`` line cuts in two tables, the second's header ``件数|件数|件数``: taken for
  a merged cell's copies over 规章's ``1|0|0`` and 行政规范性文件's ``1|1|1`` (version 345: 1 read for 规章's 0, a
  wrong number, and two cells blank).
- ``synth-11744-pdfplumber-layout-table3.txt`` (``/tmp/w65/tune``, seeds 11720–11749, tuning;
  ``pdf-pdfplumber-layout``): table 三 split in two tables, the second laid out narrower, a whole row's values a
  single space apart but for two after 自然人's (``0  0 0 0 0 0 0``), two rows of six zeros whose blank 其他 cell
  keeps no room (``0  0 0 0 0 0``): the gap after 自然人 taken for the lost cell's, 商业企业 read blank and 0 read
  for the blank 其他 (version 350: two wrong numbers).
- ``synth-12172-pdfplumber-layout-table3.txt`` (e64's tuning, ``/tmp/e64/tune``'s report with
  ``pdf-pdfplumber-layout`` made by ``synth_extractors.py`` into a copy, ``/tmp/w65/ez``): the same text of a table
  三 whose whole rows print single spaces (``0 0 0 0 0 0 0``) and whose rows with an empty 社会公益组织 cell print
  two where it is (``0 0 0  0 0 0``): the gap is the empty cell's, read so (the guard of the rule above).
- ``synth-7501-wk-pdfminer-table3.txt`` (``/tmp/q55/tune``, seeds 7500–7514, tuning; ``pdf-wk-pdfminer``): a
  2019 table 三 with one blank cell (8.属于行政查询事项's 自然人 prints nothing) after four of table 二's values;
  three dropped as another table's and a total let off as misprinted read 自然人's column a row off (29 wrong
  numbers, version 244).
- ``synth-4066-pdfminer-table2.txt``, ``synth-4057-pdfminer-table2.txt`` (``/tmp/d47/tune``, ``pdf-pdfminer``:
  pdfminer.six's default LAParams): table 二's blocks' labels print before one run of values that pdfminer's boxes
  order neither row after row nor block after block column after column: 4066 prints 第二十条第（一）项's first
  column, then the values of （五）、（六）、（八）, then （一）'s other two columns (``1 1 22 5 1 —`` /
  ``1 1 — 3``); 4057 prints （一）'s values after （六）'s title, so the run read as （六）、（五）'s holds （一）'s.
- ``synth-4051-pdfminer-table2.txt`` (``pdf-pdfminer``, kept whole): 第二十条第（一）项's six values print four before
  its labels and two after them (``2 0 0 17`` / ``规章`` / ``行政规范性文件`` / ``0 2``).
- ``synth-4045-lo-pdfminer-table3.txt`` (``/tmp/d48/tune``, a copy of ``/tmp/b46/tune``, ``pdf-lo-pdfminer``) and
  ``synth-1609-lo-pdfminer-table3.txt`` (``/tmp/lead45/bat38``, tuning seeds 1600–1614, ``pdf-lo-pdfminer``):
  pdfminer.six's default LAParams print table 三's row labels as boxes of their own and, after some of them, a run
  of many rows' values (4045: 124 after （七）总计, ``1,383`` / ``4,437`` / ``0`` / ``18`` / …; 1609: 20 after
  （一）予以公开, ``0`` / ``3`` / ``0`` / ``2`` / …, 90 after 2.重复申请), each number a paragraph padded with no-break
  spaces. ``synth-4045-lo-pdfminer-table4.txt``: the same text kept whole, table 四's values printed on both sides of
  section 五's heading (``10`` / ``12`` / ``五、存在的主要问题及改进情况`` / ``22`` / ``0`` / …), 行政复议's 12 10 0 0
  22 in pdfminer's box order: the row read in the text's order fails its total.

- ``synth-1981-pypdf-layout-table3.txt``, ``synth-1981-pdfplumber-layout-table3.txt`` (the layout modes of pypdf
  and pdfplumber): table 三's totals 175 and 199 wrapped in their narrow cells, ``17`` / ``19`` on or above the
  row's line and ``5`` / ``9`` alone below it; pypdf's squeezes two cells together (``1660`` for 166 and 0,
  ``1319`` for 13 and 19).

- ``synth-1961-pdfminer-flow-none-table3.txt`` (``pdf-pdfminer-flow-none``): table 三 printed each row's values
  before its label (``0 0 0 0 215 185 400`` / ``一、本年新收政府信息`` / ``公开申请数量`` / ``0 0 0 0 0 0 0`` /
  ``二、…``), none after the last label.
- ``synth-1936-pdfminer-table3.txt``, ``synth-1930-pdfminer-table3.txt`` (``/tmp/t39/bat``'s tuning part, seeds
  1930–1949, ``pdf-pdfminer``): pdfminer.six's nested boxes of a table 三 split over two pages, each cell a box.
  1936's first page prints 自然人 and 商业企业 in rows 1–20 column after column, then their row 21, then their rows
  22–23; 科研机构, 社会公益组织 and 法律服务机构 each whole; 其他 and 总计 in rows 1–20, then rows 21, 22 and 23 a row
  each (the boxes' places read from the PDF). 1930 prints （六）其他处理's 1.申请人无正当理由… and 3.其他 with
  科研机构's 23 in one of them, every identity holding either way. ``synth-1941-pdfminer-table3.txt`` (the same
  battery): a table 三 over four pages whose （七）总计's 总计 prints 21 for the sum 14 of its applicant cells (the
  generator's ``wrong_total``), so that no placement holds every identity.
- ``synth-3201-wk-pdfminer-table2.txt``, ``synth-3213-pdfminer-table2.txt``, ``synth-3210-pdfminer-table2.txt``
  (``/tmp/t40/bat``'s tuning part, seeds 3200–3219): pdfminer.six's boxes of table 二, its labels apart from its
  values. 3201 (``pdf-wk-pdfminer``, wkhtmltopdf's PDF) prints each column's head followed by that column's values
  (``本年制发件数`` / ``0`` / ``1``, the other blocks between, ``本年废止件数`` / ``0`` / ``0`` …); 3213 prints every
  block's labels, then 第二十条第（一）项's six values (``1 0 0 0 0 0``); 3210 prints 第二十条第（一）项's labels right
  before its six values (``规章`` / ``行政规范性文件`` / ``0`` / ``0`` / ``3`` / ``2`` / ``5`` / ``39``: down the
  columns, or across the rows, nothing says) and 行政许可's 1281 after the three labels of （五） and （六）.
  ``synth-3200-pdfminer-vertical-table4.txt`` (``pdf-pdfminer-vertical``, pdfminer's ``-V``): table 四's 15 values
  on one line after section 四's heading and its heads reversed, its group heads (行政复议 …) after section 五's
  heading. ``synth-3201-pdfminer-table4.txt`` (``pdf-pdfminer``, kept whole): table 四's first four values before
  section 五's heading, the other eleven after it among the table's heads (``五、存在的主要问题及改进情况`` / ``总`` /
  ``计`` / ``0`` / ``未经复议直接起诉`` …).

- ``synth-3503-pypdf-layout-table4.txt`` (``/tmp/w40/t4``'s tuning seeds, ``pdf-pypdf-layout``): table 四 whose
  复议后起诉 row is blank, its ten values squeezed to single spaces at times (`` 0 1  0  3  4  0 0  0  0  0``) but
  starting at the table's left edge and ending fourteen characters short of its heads' right end.
- ``synth-3304-pdftotext-default-table4.txt``, ``synth-3519-pdftotext-default-table4.txt`` (``pdftotext-default``):
  poppler's blocks print table 四's 行政复议 values before the head 未经复议直接起诉 (3304, its 复议后起诉 row
  blank), or all ten values before the head 复议后起诉 (3519, the same row blank).
- ``synth-3281-pdftotext-raw-table3.txt`` (``pdftotext-raw``): Chromium's ``word-break: break-all`` breaks table
  三's numbers in their narrow cells, each piece on its own line (``41`` / ``6`` for 416, ``4`` / ``91`` for 491).
- ``synth-3503-bs4-glued-table4.txt``, ``synth-3505-bs4-glued-table4.txt`` (``/tmp/w42/bat``, tuning seeds
  3490–3509, ``html-bs4-glued``): table 四's row glued into one run of digits, its blank row's five empty cells
  (``&nbsp;``) five no-break spaces where they stand: after the run (3503, 复议后起诉 blank) or before it (3505,
  行政复议 blank).
- ``synth-3507-pdfminer-flow-none-table2.txt``, ``synth-1604-pdfminer-flow-none-table2.txt`` (``/tmp/w42/bat``,
  ``/tmp/w42/b2``, tuning seeds, ``pdf-pdfminer-flow-none``): pdfminer's ``boxes_flow=None`` prints a one-line row
  label before its values and a wrapped one after them (``规章`` / six values / ``行政规范`` ``性文件``).
- ``synth-1612-pdfminer-flow-none-table3.txt`` (``/tmp/w42/b2``, ``pdf-pdfminer-flow-none``): table 三's numbers
  broken over lines in narrow cells, each a box of two lines that pdfminer's ``boxes_flow=None`` prints after the
  row's other cells (``0 2 0 0 0`` / ``1`` ``0`` / ``1`` ``2`` for 10 0 2 0 0 0 12); cut from section 二 on (its
  cells' paragraphs tell the text's kind).
- ``synth-1603-bs4-glued-table3.txt`` (``/tmp/w42/b2``, tuning seeds 1600–1614, ``html-bs4-glued``): table 三's
  rows glued to their labels, a blank cell's ``&nbsp;`` a no-break space among the digits where it stands
  (``（二）部分公开…22\xa0000022``, ``3、其他00\xa00000``), in a report whose (七)总计 is published wrong.
- ``synth-1610-pypdf-table3.txt``, ``synth-1610-pymupdf-table3.txt`` (``/tmp/w42/b2``, tuning seeds 1600–1614,
  ``pdf-pypdf``, ``text-pymupdf``): the same breaks where a row's label wraps too, the rest of the label on a line of
  its own before the row's values, which print past its seven cells (``一、本年`` / ``新收政府信息公开申请数量`` /
  ``56`` / ``6  0  0  0  14  0  58 0`` for 566 0 0 0 14 0 580; PyMuPDF a value a line).
- ``synth-1612-pdfplumber-table3.txt``, ``synth-1612-pdfplumber-layout-table3.txt``,
  ``synth-1612-markitdown-pdf-table3.md`` (``/tmp/t43/b2``, tuning seeds 1600–1614, ``pdf-pdfplumber``,
  ``pdf-pdfplumber-layout``, ``md-markitdown-pdf``): table 三's numbers broken over two lines in narrow cells, printed
  line by line: the broken numbers' first pieces on the line above the row's other cells, their last pieces on the
  line below (``1 1`` / ``一、本年新收… 0 2 0 0 0`` / ``0 2`` for 10 0 2 0 0 0 12; （七）总计's ``1`` above it, after
  （六）其他处理's seven values). ``synth-1610-markitdown-pdf-table3.md`` (the same): a wrapped label whose first
  line (``一、本年``, with the first pieces ``56`` and ``58``) is not found, the row's other cells on the next line,
  its label's rest with the last pieces ``6`` and ``0`` on the third.
- ``synth-1612-pdftotext-default-table3.txt`` (``/tmp/t43/b2``, ``pdftotext-default``): the same breaks in poppler's
  default mode, each piece a line of its own (``1`` / ``1`` / ``0 2 0 0 0`` / ``0`` / ``2``).
- ``synth-1610-pypdf-layout-table3.txt`` (``/tmp/t43/b2``, ``pdf-pypdf-layout``): pypdf's layout mode prints a broken
  number's first piece among the row's cells and its last on the next line, after the label's rest
  (``一、本年 56 0 0 0 14 0 58`` / ``新收政府信息公开申请数量 6 0`` for 566 … 580).
- ``synth-3520-pdftotext-default-table4.txt`` (``/tmp/t43/bat``, ``pdftotext-default``): in a text whose table 三
  prints column by column, table 四's values in two runs among its heads (行政复议's five after 行政诉讼's first
  head lines, then ``0 2 1 1 0 0 0 1 4 1``: both litigation rows' four results, then their two 总计).
- ``synth-3537-pdftotext-default-table3.txt`` (``/tmp/t43/bat``, ``pdftotext-default``): table 三's heads a character
  a line (``社`` / ``法`` / ``自`` / ``商`` / ``科`` …), its first row's values among them in that order
  (``0`` / ``6`` / ``1`` / ``0`` / ``0`` / ``总`` / ``3`` / ``计`` / ``10``), its other rows in the template's order.
- ``synth-1605-pdftotext-default-table3.txt`` (``/tmp/t43/b2``, ``pdftotext-default``): table 二's last amount
  (``3``) printed after section 三's heading at a page's foot, before the page break and table 三's header; the
  table over pages under its repeated header, a page's first cells among the header's later heads.
- ``synth-1608-pymupdf4llm-layout-table2.md`` (``/tmp/t43/b2``, ``md-pymupdf4llm-layout``): 2019's 政府集中采购 with
  its count and amount in one cell (``334项/25.1485万元``) cut across grid cells (``|334|项/25.1485万|元||``).
- ``synth-3604-pdftotext-raw-table3.txt`` (``/tmp/w40/b2``'s tuning seeds, ``pdftotext-raw``): table 三's
  thousands printed with a space after the separator (``1, 403 0 120 0 0 94 1, 617``), as every PDF text
  convention but pdfplumber's and the layout modes prints them.

- ``synth-3395-bs4-glued-table2.txt``, ``synth-3395-markdownify-table2.md``, ``synth-3395-bs4-lines-table2.txt``
  (the lead's tuning seeds 3300–3399, ``--kinds html``): a 2019-format table 二 whose 政府集中采购 prints its count
  and amount in one cell apart by an ideographic space (``103　77.60万元``), glued after its label, in a pipe row
  padded with blank cells, and on a line of its own.

- ``synth-3426-pdftotext-default-table3.txt``, ``synth-3425-pdftotext-default-table3.txt`` (``/tmp/t41/bat``, seeds
  3420–3439, tuning; from section 二's heading): poppler's ``pdftotext`` default mode of a table 三 printed over three
  pages, its header repeated on each (``<thead>``), its labels stacked (column order): on each page the values in the
  template's row order but for the first cells of the page's first rows, printed among the header's later heads
  after them (``商业`` / ``科研`` / ``企业`` / ``机构`` / ``217`` / ``23`` / ``99`` / ``人``; 3425's last page, one row,
  its seven zeros between heads and its label's pieces).
- ``synth-3425-pdfplumber-table2.txt``, ``synth-3425-pypdf-table2.txt``, ``synth-3425-pypdf-layout-table2.txt``,
  ``synth-3425-markitdown-pdf-table2.md`` (the same battery): a 2019 table 二 whose negative 本年增/减 ``－27`` wraps
  after its sign in its narrow cell: the sign alone on the line above the row's and the digits alone below it
  (pdfplumber, markitdown), the sign and the digits each alone on a line among the row's values (pypdf, its header's
  ``增 / 减`` spaced), the sign in its cell on the row's line and the digits under it (pypdf's layout mode).
- ``synth-3421-pymupdf4llm-table2.md`` (the same battery): pymupdf4llm's plain mode prints a 2021 table 二 in grid
  columns, each label and value repeated in every grid column of its cell (``|行政事业性收费|行政事业性收费|…|17.08万元|
  17.08万元|``); ``synth-3437-pymupdf-table2.txt``: PyMuPDF's text (``text-pymupdf``) glues 行政事业性收费's amount and
  unit to its label (``行政事业性收费0万元``), section 三's heading on the next line.
- ``synth-3431-pymupdf4llm-layout-table2.md`` (the same battery): pymupdf4llm's layout mode lays 行政许可's first two
  values into one grid cell, a line each, the second negative with a full-width minus (``|行政许可|136<br>－20||906|``).
- ``synth-3451-pypdf-table2.txt`` (``/tmp/t41/bat2``, seeds 3440–3459, tuning): pypdf's text of a 2019 table 二
  whose negative 本年增/减 prints a space after its sign (``行政处罚 9 - 1 21``).
Version 115 (issue 8, w41):

- ``synth-3445-trafilatura.txt`` (``/tmp/w41/bat``'s tuning seeds 3440–3459, ``html-trafilatura``, whole: it prints
  no section heading): trafilatura's text of a page whose tables stand between paragraphs, each row a pipe row
  without a ``|---|`` rule, padded to the table's width with empty cells (``|  |``), table 三's blank cells empty in
  place (``| 一、本年新收政府信息公开申请数量 |  |  | 5 | 1 | 0 |  | 0 | 0 | 6 |``).
- ``synth-3440-html-pandoc-markdown-table3.md`` (the same battery, ``html-pandoc-markdown``): pandoc's Markdown
  writer inside a portal's layout frame (each line ``| … |``) narrower than table 三's multiline table: a wrapped
  label's hard line break (``\\``) printed first on a frame line of its own, before the row's first value
  (``|   3．危及"三安全   … |`` / ``| \\   …   0   |`` / ``|  0   0 … 0 |``).
- ``synth-3458-markdownify-table2.md`` (the same battery, ``md-markdownify``): markdownify's text of a page laid out
  in a one-column table, the report's tables nested in its one cell and printed on one line; table 二 without its
  第二十条第（八）项 block (行政事业性收费's row missing), table 三's header cells (``其他 | 总计 |``) after table 二's
  last row on that line, then table 三's first row's numbers.
- ``synth-3466-turndown-table4.md``, ``synth-3485-turndown-table4.md`` (``/tmp/w41/bat2``'s tuning seeds
  3460–3499, ``md-turndown``): turndown's pipe table 四 whose cells hold paragraphs, each
  cell's text on lines of its own between bars (`` | `` / ``0`` / `` | ``), a blank row's five cells five bars with
  white space between: between the fifth value and the sixth (3466), after the last (3485).

Version 119 (issue 8, t42):

- ``synth-3472-pymupdf4llm-layout-table2.md`` (``/tmp/t42/bat``'s tuning seeds 3470–3489, ``md-pymupdf4llm-layout``):
  a 2019 table 二 whose 第二十条第（五）项 block prints its title and header in one grid row, each header cell's
  wrapped lines laid out line by line across its grid cells (``|本年处<br>定数|理决<br>量|``), and 行政许可's 47 cut
  across the same two grid cells (``|4|7|``), after a negative 本年增/减 with a full-width minus (``－9``).
- ``synth-3478-pymupdf4llm-layout.md`` (the same battery, whole: its table 三 ends in picture text): pymupdf4llm's
  layout mode cuts table 三's label cells in a narrow column, so （一）予以公开's row prints ``三、本`` of the
  rowspan's 三、本年度办理结果 before ``(一)予以`` and ``公开`` in a cell of its own, （二）部分公开's label in pieces,
  and （三）不予公开's heading as ``(三)不`` / ``予公开`` beside 1.属于国家秘密's row.
- ``synth-3474-markitdown-pdf-table3.md`` (the same battery, ``md-markitdown-pdf``): markitdown's pipe tables of a
  table 三 whose narrow applicant columns share cells (``| 0 | 0 0 | 0 16 | 0 16 |``), rows short of a value in such a
  cell (``| 0 | 0 0 | 6 | 0 6 |``), and two rows whose neighbouring cells' digits glue
  (``| 12828 | 2115 | 12 | 0 204 |`` for 128 28 21 15 12 0 204).
- ``synth-3474-markitdown-pdf-table2.md`` (the same report, from section 二's heading): its table 二's columns drift
  from its header's: 规章's dash (its blank 本年制发件数) under no head, its two values a cell each after it with an
  empty cell between (``|  | 规章 |  | — | 1 |  | 1 |  |  |``).
- ``synth-3473-pymupdf4llm-table3.md`` (the same battery, ``md-pymupdf4llm``): pymupdf4llm's plain mode prints
  table 三's header with 其他 over both of its last two columns (``|…|法律服务机构|其他|其他|``), 总计's values
  under the second (``|1349|0|0|0|0|0|1349|``).
- ``synth-3479-pymupdf4llm-layout-table4.md`` (the same battery, ``md-pymupdf4llm-layout``, from section 二's
  heading): section 四's heading cut across the grid cells of table 四's head row, each cell's two lines joined
  (``|四|、政府信<br>行|息公开<br>政复议|行政复|议、|行政诉讼|情况|``): no cell holds 行政复议 or the heading whole.
- ``synth-3474-pymupdf4llm-layout-table3.md`` (the same battery, ``md-pymupdf4llm-layout``): the same table 三 as
  markitdown's above, in a grid whose cell holds 社会公益组织 and 法律服务机构 both (``|0 1||0|8|``), beside a grid
  column no column's values fill (empty in every row that prints seven values, a number's last digit in others:
  ``|15 1|2|0|204|``), rows short of a value in that cell (``|0|0|0|6||0|6|``).
- ``synth-3506-pymupdf4llm-layout-table2.md``, ``synth-3515-pymupdf4llm-layout-table2.md`` (``/tmp/t42/bat3``, tuning
  seeds 3505–3524, ``md-pymupdf4llm-layout``, from section 二's heading): a table 二 block printed as one grid cell a
  row, its lines joined (``|行政规范性文件0<br>2<br>171|``: ``02171`` against the label); 行政事业性收费's amount cut
  across grid cells under 本年收费金额 cut the same way, its unit in a cell of its own (``|21|06.01|万元|``).
- ``synth-3520-pdfplumber-layout-table2.txt`` (the same battery, ``pdf-pdfplumber-layout``, from section 二's
  heading): pdfplumber's layout mode of a 2019 table 二 in a narrow label column, every label wrapped a few
  characters a line (``其他`` / ``对外`` / ``管理     19    0      0`` / ``服务`` / ``事项``), 行政事业性收费's
  printed around its values so that no line holds a word of it (``行政`` / ``事业`` / ``1  0`` / ``性收`` / ``费``).
- ``synth-3518-pypdf-layout-table3.txt`` (the same battery, ``pdf-pypdf-layout``): pypdf's layout mode of a table 三
  whose narrow columns lose their gaps: （七）总计 prints ``8010 0 0 78113992`` for 801 0 0 0 78 113 992, two runs to
  cut, one of them twice.
- ``synth-3543-pdfminer-table3.txt``, ``synth-3540-pdfminer-table3.txt`` (``/tmp/w43/bat``, tuning seeds 3540–3559,
  ``pdf-pdfminer``): pdfminer.six's nested boxes of a table 三 whose 总计 head box, taller than its neighbours', is
  grouped with the 总计 cells of the table's first four rows and printed before 其他's cells of those rows (``总`` /
  ``计`` / ``17`` / ``10`` / ``4`` / ``1``, then 其他's ``3`` / ``0`` …: the boxes' places read from the PDF); 3540's
  table (the 2019 rows) over two pages. ``synth-3558-pdfminer-table3.txt`` (the same): 自然人's head box grouped with
  its first four cells, printed after the other six columns of those rows (``总 计 386 86 215 30 自然 人 380 0 189
  30``). ``synth-3546-lo-pdfminer-table3.txt`` (``pdf-lo-pdfminer``, LibreOffice Writer's PDF): the header printed
  as one line on each page (``项目 自然人 商业企业 … 其他 总计``), the values right after it.
  ``synth-3548-pdfminer-table3.txt`` (``pdf-pdfminer``): table 三's last 21 values (其他's and 总计's last rows)
  printed after table 四's first header row (``行政复议`` / ``行政诉讼``), before its column heads (``结果`` /
  ``维持`` …) and its own 15 values.
- ``synth-3542-pdfminer-flow-none-table3.txt``, ``synth-3542-pdfplumber-table3.txt`` (``pdf-pdfminer-flow-none``,
  ``pdf-pdfplumber``): table 三's first row label wrapped inside 年新收 in its narrow cell (``一、本年新`` /
  ``收政府信息公开申请数`` / ``量``), so that no token holds the anchor 年新收; and 3.危及“三安全一稳定” wrapped with
  its 一 alone on a line (``安全`` / ``一`` / ``稳定”``).
- ``synth-3556-pdfminer-table4.txt`` (``/tmp/w43/bat``, ``pdf-pdfminer``): table 四's values nested among its column
  heads: 未经复议直接起诉's 总计 value right after its heads (``总`` / ``计`` / ``1``), 复议后起诉's four values after
  its four heads and its total after its 总计 head, then 行政复议's five values and 未经复议直接起诉's other four.
- ``synth-15403-pdftotext-default-table3.txt`` (``/tmp/t43c/n4``, tuning seed 15403, ``pdftotext-default``): the
  layout of 3426 (table 三 over four pages under its repeated header, each page's first cells printed among the
  header's heads) in a report that prints one total wrong (（七）总计's 总计 value).
- ``synth-3550-wk-pdfminer-table3.txt`` (``/tmp/w43/bat``, ``pdf-wk-pdfminer``): table 三 in pdfminer's nested boxes
  over two pages, 三、本年度办理结果's 总计 printed wrong (the report's broken cell): no reading holds every row's
  total, and the second pass (one row let off) ran past its step bound at version 126.
- ``synth-3626-pymupdf4llm-layout-table3.md`` (``/tmp/t44/bat``, tuning seed 3626, ``md-pymupdf4llm-layout``): table
  三's first three rows with their 自然人 number in the label's grid cell
  (``|一、本年新收…数量<br>73|0<br>0<br>0||0<br>4<br>|77|``), the row's own cells one value short of its seven columns.
- ``synth-3632-pdftotext-default-table2.txt`` (``pdftotext-default``): table 二's first block with 规章's two last
  values printed after 行政规范性文件's label and first value (``规章`` / ``1`` / ``行政规范性文件 29`` / ``0`` /
  ``470`` / ``112`` / ``0``); ``synth-3620-pymupdf4llm-layout-table2.md`` (``md-pymupdf4llm-layout``): 行政规范性文件's
  29 cut over two grid cells, its second digit stacked over the next column's 0 (``|2|9<br>0|280|``).
- ``synth-3628-pdfplumber-table3.txt`` (``pdf-pdfplumber``): table 三 with one label column three characters wide,
  （六）其他处理's sub-rows' labels wrapped over lines of three characters (``逾期不`` / ``补正、``, ``收费通`` /
  ``知要求``): no line holds a word of theirs whole.
- ``synth-3639-pymupdf4llm-layout-table2.md`` (``md-pymupdf4llm-layout``, 2019 format): table 二's last two blocks
  with their headers cut through their words at the grid's rules (``|信息内容<br>采购项目数量本年收费金|额|（|单||…``,
  ``|本|年||增|/|减||``), each row's first number printed in its label's grid cell (``|政府集中采购<br>7||11|…``).
- ``synth-3648-pymupdf4llm-layout-table2.md`` (``/tmp/t44/bat2``, ``md-pymupdf4llm-layout``): 行政处罚's one number
  716 cut at a grid rule, its 7 in the label's grid cell (``|行政处罚<br>7|16|||||||``).
- ``synth-3557-lohtml-pdfminer-table2.txt``, ``synth-3558-lo-pdfminer-table2.txt`` (``/tmp/w43/bat``, copied to
  ``/tmp/w44/old``; ``pdf-lohtml-pdfminer``, ``pdf-lo-pdfminer``; from section 二's heading): pdfminer's boxes of
  LibreOffice's PDFs, each value a line of its own, a cell's ``&nbsp;`` around it (``\xa0 219 \xa0``). 3557 prints
  five values after 行政规范性文件 (``219`` / ``7`` / ``20`` / ``1213`` / ``1892``: its own 20 and 1892 among another
  block's); 3558 prints ``本年处理决定数量`` / ``本年处理决定数量`` / ``行政事业性收费`` / ``0 万元``, the 0 the fee's.
- ``synth-3677-lohtml-pdfminer-table4.txt`` (``/tmp/w44/bat``, tuning seeds 3660–3679, ``pdf-lohtml-pdfminer``):
  table 四's heads and values among table 三's last values, 18 values between its first head and section 五, each
  in a paragraph padded with no-break spaces.
- ``synth-3675-lo-pdfminer-table3.txt`` (``/tmp/w44/bat``, ``pdf-lo-pdfminer``): table 三 in pdfminer's boxes of
  LibreOffice's PDF, runs of several rows' values after one label, each value a line of its own; （七）总计 is read
  among 7 values more than its cells (its own 37 and 29 among them), a row of 0s that holds its total.
- ``synth-3647-pdftotext-default-table3.txt`` (``/tmp/t44/bat2``, ``pdftotext-default``): table 三 printed label,
  values, label, values, but 2、重复申请's values (``43 0 0 0 0 1 44``) printed after （七）总计's label: read in
  order, the rows from 2、重复申请 to 3.其他 a row off.
- ``synth-3747-pypdf-layout-table3.txt`` (``/tmp/w45/tune``, ``pdf-pypdf-layout``): pypdf's layout mode of table 三
  with two label columns, （三）不予公开's cell wrapped in the first beside its rows' labels wrapped in the second
  (``（三）   1.属于国家秘    0 0 23 …`` / ``不予公      密`` / `` 开    2.其他法律行`` / ``政法规禁   0 … 56 56``).
- ``synth-6015-layout-table3.txt``, ``synth-6010-layout-table3.txt``, ``synth-6010-pymupdf-table3.txt``,
  ``synth-6008-layout-table3.txt``, ``synth-6001-pymupdf-table3.txt`` (``NARROW_PRINT`` tuning seeds, b47's batch
  copied to ``/tmp/b48/tune``): poppler's layout mode and PyMuPDF's sorted text of Chromium's print with every cell
  ``break-all``: numbers wrapped over two and three lines in one row, their first pieces on the two lines above
  the row's line and their last on the two below (``1 2`` / ``5`` / ``（七）总计 0 0 86 0 2 7`` / ``7`` / ``8 1``
  for 57 … 128 271, 6008; ``9 9`` / ``3`` / ``0 0 0 0 0 4`` / ``2`` / ``9 1`` for 909 32 … 941, 6010), a label
  wrapped over the same lines as its numbers (``（三） 1、属于 1 1`` / ``不予公 国家秘 7 0 0 0 0 0 7`` / ``开 密 1 1``,
  6015), the next row's first pieces right above its label (6010, 6008), and PyMuPDF's three lines of a row
  merged into one (``2 2 （七）总计 0 0 0 2 0 2 4``, 6001); ``synth-6002-pymupdf-table4.txt``: the same text's table
  四, its row's first line merged into its second (``1 1 0 0 0 0 0 0 0 0 1 1 1 0 3`` / ``1 1`` for 11 in two cells);
  ``synth-6011-markitdown-pdf-table3.md``: markitdown's text of the same print, a wrapped number's lone pieces on
  lines outside the pipe rows that print the others' (``| | | | 1 | | | 1 |`` / ``3`` / ``| | （七）总计 | | 3 9 | 0 |
  0 5 | 8 |`` / ``3`` / ``| | | | 8 | | | 5 |`` for 138 9 0 33 0 5 185).
- ``synth-6001-flow-none-table3.txt``, ``synth-6010-flow-none-table3.txt``, ``synth-6012-flow-none-table3.txt``,
  ``synth-6022-flow-none-table3.txt``, ``synth-6029-flow-none-table3.txt`` (the same batch, ``/tmp/b49/tune``):
  pdfminer.six with ``boxes_flow=None`` of that print, each cell a box printed by its lower edge: a row's cells of
  fewer lines than its wrapped label before it, the others after it (``0 0 0 2 0`` / ``2|2`` / ``2|4`` /
  ``一、本年新收政府信息|公开申|请数量``, 6001; ``0 0 0 0`` / ``一、…`` / ``3|8|5`` / ``1|11|5`` / ``1|50|0``,
  6010); a label not found (6010's typo ``出版务``, 6012's ``1、属|于国`` and ``家秘|密`` printed on both sides of
  its group's head) and a header repeated after a page break (6012); a one-line label printed with the cell
  beside it (``（一）予以公开 3``, 6022); a 2021-format table with （六）其他处理 as one row whose （七）总计
  prints a wrong total (68 for 67, 6029).
- ``synth-6019-flow-none-table3.txt`` (the same batch, ``/tmp/b50/tune``, a copy of ``/tmp/b49/tune``): the same
  extractor's text, a number with a thousands separator broken over lines (``1,2`` / ``04`` for 1,204, （七）总计).
- ``synth-6003-pypdf-layout-table3.txt``, ``synth-6022-pypdf-layout-table3.txt``,
  ``synth-6027-pypdf-layout-table3.txt`` (the same batch): pypdf's layout mode of that print, a number broken over
  lines printing its pieces on the lines of its row's wrapped label, each piece under its cell's first
  (``13 0 0 0 0 0 13`` / ``公开申请数量 8 8`` for 138 … 138, 6003; ``（七）总计 11 0 0 0 0 0 11`` / ``1 1``), in
  tables read line by line in the template's order (``4 0 0 0 0 0 4`` / ``开申请数量 5 5`` for 45, ``1 1`` /
  ``3 0 0 0 0 0 3`` / ``0 0`` for 130, 6027; 6022).
- ``synth-6015-flow-none-table3.txt`` (the same batch, ``/tmp/b51/tune``, a copy of ``/tmp/b50/tune``): pdfminer.six
  with ``boxes_flow=None``, numbers broken over four lines (``2`` / ``1`` / ``0`` / ``6`` for 2106), each a box of
  its own between blank lines, six such stacks in table 三 (``parsers.boxes`` took the text for OCR's boxes printed
  one a line), and table 四's two broken numbers printed after its thirteen one-line cells (``0 5 0 0 5 0 0`` / ``0``
  / ``0 9 0 0 9`` / ``4|7`` / ``4|7``).
- ``synth-6012-pypdf-layout-table3.txt``, ``synth-6026-pypdf-layout-table3.txt``,
  ``synth-6029-pypdf-layout-table3.txt`` (the same batch): pypdf's layout mode, cells glued where their columns are
  too narrow for a space, a number's last piece on the next line under its first (``139 2 01 014`` / ``息公开申请数量
  0 2`` for 130 9 2 0 1 0 142, 6012; ``5 90 0 01 6`` / ``6 6`` for 56 9 0 0 0 1 66, 6029), and a row's three numbers
  broken over two lines, their last pieces alone on the next line (``1 5 0 1 3 5 4`` / ``6 4 3`` for 16 5 0 14 3 5
  43, 6026).
- ``synth-6023-pypdf-layout-table3.txt`` (the same batch, ``/tmp/a52/tune``): pypdf's layout mode, numbers broken
  over three lines beside a wrapped label, their third pieces alone on a line laid on the full rows' scale, not the
  row's first line's (``1 14 0 0 0 0 1`` / ``息公开申请数量 03 5 18`` / ``5 0`` for 1035 145 0 0 0 0 1180), and
  pieces after a label's numbering (``8.属于 1 1`` / ``行政查 0 5 0 0 0 0 5`` for 0 15 0 0 0 0 15).
- ``synth-6002-pypdf-layout-table4.txt``, ``synth-6010-pypdf-layout-table4.txt``,
  ``synth-6015-pypdf-layout-table4.txt`` (the same batch): pypdf's layout mode, table 四's numbers broken over two
  lines, their rest alone on the line under its row (``… 1 0 0 1 …`` / ``1 1`` for 11 and 11, 6002; ``… 7 1 1 0 1
  …`` / ``0 8``, laid 3 characters left, for 10 and 18, 6010); ``synth-6006-pypdf-layout-table2.txt``,
  ``synth-6013-pypdf-layout-table2.txt``: table 二's numbers so broken (``政府集中采购 1 21.`` / ``15`` for 21.15;
  ``行政处 16`` / ``罚 3`` for 163).
- ``synth-6019-pypdf-layout-table3.txt`` (the same batch): pypdf's layout mode, rows whose cells print on a line of
  their wrapped label, their broken numbers' pieces on the label's lines right above and below (``一、本年新收政府信
  88 8`` / ``息公开申请数量 2 0 0 0 0 0 8`` / ``2`` for 882 0 0 0 0 0 882); ``synth-6011-pypdf-layout-table3.txt``,
  the same with cells glued on the cells' line (``1 3 1`` / ``息公开申请数量 3 9 0 40 5 8`` / ``8 6`` for 138 9 0 34 0
  5 186); ``synth-6004-pypdf-layout-table3.txt``, the table read in the template's order, a row a run short with
  its total's first piece on the line above (``一、本年新收政 13`` / ``府信息公开申请 1310 0 0 0 0 1`` for 131 0 0 0 0 0
  131); ``synth-6008-pypdf-layout-table3.txt``, a row's last pieces alone below it and the next row's first pieces
  on the line after, right above its label (``3.其他 0 0 0 0 0 2 2`` / ``1 1`` / ``5 1 2`` / ``（七）总计 7 0 0 86 0 2
  7`` / ``8 1``: 21 and 21).
- ``synth-6009-pypdf-layout-table3.txt`` (the same batch): pypdf's layout mode, a row's long label wrapped two
  characters a line beside its group heading's pieces, its cells on the label's first line (``（六） 1、申 0 00 0 0 00``
  / ``其他处 请人`` / ``理   无正`` / … ``期不`` / ``补`` / ``正、``): the row's pattern finds a later piece of it.
- ``synth-6015-pypdf-layout-table3.txt`` (the same batch): pypdf's layout mode, numbers broken over four lines, their
  pieces on the line above the row's cells (alone, before its label) and on the two lines below (``2 2 2`` /
  ``一、本年新收政府信 10 5 0 0 0 3`` / ``息公开申请数量 0 7 6`` / ``6 3`` for 2106 0 257 0 0 0 2363).
- ``synth-6023-flow-none-table3.txt`` (the same batch): pdfminer.six with ``boxes_flow=None``, 一's one-line 0s and
  1180's first piece in one paragraph (``0   0   1`` / ``18``) and the row's third pieces after a page break
  (``5`` / ``0``): the run after 一's label is no boxes; ``synth-6002-flow-none-table3.txt``: each row's values
  before its label, rows printing a blank cell as nothing (``0 0 1 0 0 1`` for 0 0 1 _ 0 0 1).
- ``synth-7233-flow-none-table3.txt`` (d52's batch, ``/tmp/d52/tune``) and ``synth-3741-flow-none-table3.txt``
  (b52's, ``/tmp/b52/tune``): pdfminer.six with ``boxes_flow=None`` of the ordinary print, each row's values whole
  on one side of its label (before a wrapped label or one whose glyphs sit lower, after a one-line one), rows
  printing a blank cell as nothing (``0 0 0 0 171`` / ``一、本年新收政府信息公开申请数量 171``, 7233).
- ``synth-6022-flow-none-table2.txt`` (a52's batch, from table 二's heading): pdfminer.six with ``boxes_flow=None``
  of narrow print, 行政事业性收费's 56.52 broken after its point (``56.`` / ``52``).

- ``synth-1610-pdfplumber-table3.txt``, ``synth-1603-pdfplumber-table3.txt`` (``/tmp/lead45/bat38``, tuning seeds
  1600–1614, ``pdf-pdfplumber``) and ``synth-4049-pdfplumber-table3.txt`` (``/tmp/d49/tune``, a copy of
  ``/tmp/d48/tune``, tuning seeds 4040–4079): pdfplumber's ``extract_text`` prints table 三's group heading
  cells beside the rows' label cells a space apart, both wrapped, the row's values between their lines (1610:
  ``（三）不予公 1．属于国家秘`` / ``0 0 0 0 0 0 0`` / ``开 密``; 4049: ``三、本年度 3.危及“三安全一稳`` / ``…`` /
  ``办理结果 定”``); 1603's rows are numbered ``1、`` … and its 3、补正后申请内容仍不明确 is printed ``3、补正`` /
  ``后申请内`` / ``0 0 0 0 0 1 1`` / ``容仍不明`` / ``碓`` (the template's 确 misprinted).
- ``synth-4057-pdftotext-default-table3.txt`` (``/tmp/d49/tune``, ``pdftotext-default``): poppler's default mode
  prints table 三's labels （七）总计 and 四、结转下年度继续办理 one after the other, both rows' fourteen values after
  the second (``6`` / ``0`` / ``6`` / ``5`` / ``0`` / ``0`` / ``17`` / ``1`` / … / ``1``).
- ``synth-4048-pdftotext-default-table3.txt`` (``/tmp/d50/tune``, a copy of ``/tmp/d49/tune``,
  ``pdftotext-default``): poppler's default mode prints table 三 over four pages under its repeated header, each
  page's first two rows' first cells among the header's later heads, the page's row labels after them, one of them
  between two such cells (``企业`` / ``机构`` / ``0`` / ``0`` / ``3.其他`` / ``0`` / ``(七)总计`` / ``人``).
- ``synth-3745-pdftotext-default-table3.txt`` and ``synth-4046-pdftotext-default-table3.txt`` (``/tmp/b52/tune``,
  ``pdftotext-default``): poppler's default mode prints a number a narrow cell broke over two lines as a block of
  two lines (``18`` / ``8`` for 188), with the row's neighbouring cells in it (``10`` / ``0`` / ``42``: 1042 and the
  one-line 0 centred between its lines; ``35 13`` / ``5 97``: 355 and 1397), a label's lines among them
  (``1、本机关不掌握相关 15`` / ``政府信息`` / ``4``); 4046 prints the labels of 4、保护第三方合法权益 and
  5、属于三类内部事务信息 after the rows of （五）不予处理, and （七）总计's values then
  四、结转下年度继续办理's before its label.
- ``synth-3747-pdftotext-default-table3.txt`` (``/tmp/b52/tune``, ``pdftotext-default``): poppler's default mode
  prints table 三's label column stacked apart and its values a block each, row after row before each page's labels,
  two cells printed empty (rows of six values: 2.没有现成信息需要另行制作, 3.要求提供公开出版物) and the first four
  rows' values out of order among the header's heads (``128`` / ``0`` / ``0`` / ``0`` / ``72`` / … / ``4270``).
  ``synth-3747-pdftotext-default.txt``, the same text whole: section 五's heading prints among table 四's values
  (its page's foot before the right band's blocks: 复议后起诉's heads and values after it).
- ``synth-3741-pdftotext-default-table3.txt`` (``/tmp/b52/tune``, ``pdftotext-default``): poppler's default mode
  prints the first cells of （一）予以公开 … 1.本机关不掌握相关政府信息 after their labels, fewer down the stretch
  (``6 4 4 4 3 2 2 2 2 1 0``: a staircase), the rows' other cells in one run of 44 values after the group headings,
  row after row, three cells printed empty; and （七）总计's values, then 四、结转下年度继续办理's, then its label.
- ``synth-7468-pdftotext-default-table4.txt`` (``/tmp/g53/tune``, ``pdftotext-default``): poppler's default mode
  prints table 四's heads a character a line and its values among them, a flow's heads before the values under
  them (行政复议's five heads, four values; 未经复议直接起诉's four result heads, 行政复议's 总计; 复议后起诉's heads,
  five values), its 未经复议直接起诉 row printed as nothing.
- ``synth-7583-pdftotext-default-table2.txt``, ``synth-7604-pdftotext-default-table2.txt`` (``/tmp/t55/tune``,
  ``pdftotext-default``, from table 二's heading): 2021 reports whose table 三 prints （六）其他处理 as one row, table
  二's head cells wrapped a line a piece (``本年制发`` / ``件数``; ``本年制发件`` / ``本年废止件`` / ``现行有效件`` /
  ``数`` / ``数`` / ``数``): no line holds a 2021 mark whole.
- ``synth-7590-pdftotext-default-table3.txt`` (``/tmp/t55/tune``, ``pdftotext-default``): three label columns;
  二、上年结转政府信息公开申请数量 prints its seven values, then （一）予以公开's and （二）部分公开's other six
  each, before their labels, each of those rows' first cell printed between its label's lines (``227``, ``0``).
- ``synth-7594-pdftotext-default-table3.txt`` (``/tmp/t55/tune``, ``pdftotext-default``): 3.其他's seven values, then
  （七）总计's (its total broken over two lines: ``19`` / ``8``) and 四、结转下年度继续办理's, then the group
  headings and both labels, no value after them.
- ``synth-7637-pdftotext-default-table3.txt`` (``/tmp/t56/tune``, ``pdftotext-default``): table 三's last cell
  (四、结转's 总计 ``1``) printed after section 四's heading and table 四's group heads (``行政复议`` / ``行政诉讼``),
  before a page break and table 四's column heads; table 四's 15 values after its heads, in the order of their
  blocks.
- ``synth-7409-pdftotext-default-table3.txt``, ``synth-7442-pdftotext-default-table3.txt`` (``/tmp/g53/tune``,
  ``pdftotext-default``): the tables printed column by column (table 三's labels stacked), table 三 whole; table 四
  with a row printed as nothing (ten values), its heads and values interleaved in poppler's blocks (7409: 行政复议
  blank; 7442: 复议后起诉 blank, nine values before its head).
- ``synth-7747-pdftotext-default-table4.txt`` (``/tmp/t57/tune``, ``pdftotext-default``): table 四 with its 复议后起诉
  row printed as nothing (ten values among poppler's head blocks); 未经复议直接起诉's 结果维持 head printed in one block
  with 行政复议's 尚未审结 and 总计 heads, before their values, its own value (``0``) printed late, after that row's
  结果纠正 and 其他结果 values (``1`` / ``0`` / ``0`` for 0 1 0).
- ``synth-7984-pdftotext-default-table4.txt`` (``/tmp/t58/tune``, ``pdftotext-default``): table 四 with its 复议后起诉
  row printed as nothing (ten values); 行政复议's five values after its five heads, then both litigation rows' labels
  and all ten of their heads before the other five values (未经复议直接起诉's, ``130`` / ``0`` / ``0`` / ``0`` /
  ``130``).
- ``synth-8321-pdftotext-default-table3.txt``, ``synth-8375-pdftotext-default-table3.txt``,
  ``synth-8379-pdftotext-default-table3.txt`` (``/tmp/e59/tune``, ``pdftotext-default``, seeds drawn for
  ``empty_zero``): table 三 with zero cells printed empty, so its run of values is short of the cells (rows of six).
  8321: the rows' values apart from their labels, 82 values after 8.属于行政查询事项's label, the labels of the rows
  they are after it; 8375: the labels stacked apart (column order), 170 values for 175 cells; 8379: the same, two
  zero cells printed as one block (``0`` / ``0``).
- ``synth-7949-pdftotext-default-table3.txt`` (``/tmp/t58/tune``, ``pdftotext-default``, a ``br_in_labels`` seed):
  table 三's labels stacked apart (column order), its 175 values a run row after row; （六）其他处理's
  1.申请人无正当理由… broken with its 无 alone on a line between the pieces (``理`` / ``无`` / ``正当理由逾``).
- ``synth-9337-pdftotext-default-table3.txt``, ``synth-9689-pdftotext-default-table3.txt`` (``/tmp/e60/tune``,
  ``pdftotext-default``, seeds drawn for ``empty_zero``): rows whose label wraps, its rest printed before a run of
  values longer than the row's seven (the labels of the rows the rest are printed elsewhere). 9337:
  四、结转下年度继续办理 read as the run's first seven, its total failing; 9689: 4.保护第三方合法权益 read as seven
  zeros, the first of a run of 23, where the row totals' division of the table's run reads it ``0 1 0 0 0 0 1``.
- ``synth-4066-pdftotext-default-table4.txt`` (``/tmp/d51/tune``, a copy of ``/tmp/d49/tune``,
  ``pdftotext-default``): poppler's default mode prints table 四's heads in groups, each before its own rows' values:
  the four result heads of a row as one block (``结果维 结果纠 其他结 尚未审`` / ``持`` / ``正`` / ``果`` / ``结``),
  its 总计 as another (``总`` / ``计``), and the group's values in two passes: under each block's first column, block
  after block, then under the blocks' other columns (行政复议 ``0 1 1 0 0`` for 0 1 0 0 1; the two litigation rows
  ``0 2 0 1 0 1 1 0 0 1`` for 0 0 1 1 2, 0 0 0 1 1).
- ``synth-3742-pdftotext-default-table4.txt`` (``/tmp/d51/extra``, a copy of ``/tmp/w45/tune``,
  ``pdftotext-default``): the same mode's table 四 heads in groups, 行政复议's 总计 a block of its own (``总`` /
  ``计``) printed with 未经复议直接起诉's heads and before them, its value first among that group's
  (``0 0 1 4 0``: 0, then 0 1 4 0): every value where the template's order puts it.
- ``synth-4042-markitdown-pdf-table3.md`` (``/tmp/d49/tune``, ``md-markitdown-pdf``): markitdown's text of a PDF
  whose narrow label column wraps 四、结转下年度继续办理 over two lines, the row's values in a pipe table between
  them (``四、结转`` / ``|     | … | 8   | 0 0 0 0 | 0 8 |`` / ``| --- | …`` / ``下年度继续办理``).
- ``synth-1610-pdfminer-flow-none-table3.txt`` (``/tmp/lead45/bat38``, ``pdf-pdfminer-flow-none``): pdfminer's
  boxes in the order of their lower edges print table 三's first row's values before its label (``0`` / ``0`` /
  ``0`` / ``14`` / ``0`` / ``一、本年``), and 1.信访举报投诉类申请's (``0 0 0 0 9 0 9``) before its label, right
  before 2.重复申请's label, fourteen values after it (its own and 3.要求提供公开出版物's).

- ``synth-7206-pymupdf4llm-table2.md``, ``synth-7206-layout-table2.txt``, ``synth-7206-flow-none-table2.txt``
  (``/tmp/a51/tune``: pymupdf4llm's plain mode, poppler's ``-layout``, pdfminer's ``boxes_flow=None``): the 2019
  table 二's 行政事业性收费 row whose negative 本年增/减 the PDF draws with its sign apart from its digits, printed
  as one piece of text ``- 29`` (a grid cell repeated across the grid columns it spans, ``|- 29|- 29|``; a run
  between two gaps, ``326                - 29``; a box alone on its line).
- ``synth-7216-pymupdf4llm-layout-table2.md`` (``/tmp/a51/tune``, ``md-pymupdf4llm-layout``): pymupdf4llm's layout
  mode cuts table 二's first block at rules its header's cells do not share (``|信息内容|本年制|发件数||本年废止件数|
  现行有效件数|``) and prints each row's first number in its label's cell (``|行政规范性文件<br>53|||9||13|``): six
  grid fields for three cells, two numbers beside the label's.
- ``synth-7232-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): pymupdf4llm's layout
  mode prints table 二's rows as one-field grid rows, a value a ``<br>`` line, and the label's line with the row's
  first value glued to it (``|行政规范性文件1<br>0<br>0|``).
- ``synth-7205-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): the layout grid cuts
  the 行政事业性收费 row's amount at its decimal point, at a rule of section 三's table drawn through the line
  (``|44<br><br>|. 77|``).
- ``synth-7211-pymupdf4llm-layout-table3.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): two rows of table 三
  laid into one grid row, no rule between them, a ``<br>`` line each
  (``|（一）予以公开<br>（二）部分公开（区分处理的，<br>只计这一情形，不计其他情形）|3<br>14|0<br>1|…``).
- ``synth-7208-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): table 二's last row
  and section 三's heading (with table 三's first header cells) laid into one grid row, the row's value the first
  line of a cell (``|行政事业性收<br>费<br>三、收到|0<br>和处理政府信息公开申请情况|||申<br>法人<br>|…``).

- ``synth-7337-pymupdf4llm-layout-table2.md`` (``/tmp/g53/tune``, ``md-pymupdf4llm-layout``): the layout grid cuts
  the 行政事业性收费 amount 58.511万元 at a rule and loses its point there: ``|58|511万|元|``, the unit's rest in a
  cell of its own (the text has no section headings: cut from table 二's first line).
- ``synth-7223-pymupdf4llm-layout-table3.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): （四）无法提供's cell
  beside its rows' label cells, a piece a grid row (``|（四）<br>无法提|1.本机关不掌握<br>相关政府信息|…``,
  ``|供|2.没有现成信息<br>|…``), 2.没有现成信息's label's rest on a grid row of its own under its cell
  (``||需要另行制作|…``).

- ``synth-7229-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): table 二's
  行政事业性收费 label cut across two grid cells, the amount printed against its last piece (``|行政事业|性收费0||||``).

- ``synth-7549-bs4-glued-table3.txt`` (``/tmp/s55/tune``, ``html-bs4-glued``): BeautifulSoup's ``get_text()`` with no
  separator of a table 三 some of whose zero cells are empty (``empty_zero``, bare ``<td>``): rows printed as runs of
  fewer digits than the row's seven cells (``2.重复申请500207``, ``四、结转下年度继续办理600107``), and rows of seven
  digits or more whose splits holding their totals only the columns' identities with those rows decide.
- ``synth-7780-bs4-lines-table3.txt`` (``/tmp/s57/tune``, ``html-bs4-lines``): BeautifulSoup's lines of a table 三
  some of whose zero cells are empty (``empty_zero``, bare ``<td>``): rows printed with one or two values fewer than
  their seven cells (``结转上年度`` 0 0 3 0 3, ``属于行政执法案卷`` 0 0 0 1 1), the non-zero value placed by its
  column's identity.
- ``synth-8131-pdftotext-table4.txt`` (``/tmp/s58/tune``, ``pdftotext-default``): poppler's default text of a
  table 四 whose 未经复议直接起诉 row is printed as nothing (bare ``<td>``): that row's heads laid in one block with
  行政复议's, side by side on one line (``果 果 他 未 总 结 结 其 尚``), then 行政复议's five values.
- ``synth-7235-pdfplumber-table2.txt``, ``synth-7235-markitdown-pdf-table2.md`` (``/tmp/d52/tune``,
  ``pdf-pdfplumber`` and ``md-markitdown-pdf``): 行政规范性文件's label wrapped around its values' line, the values
  one space apart with dashes among them (``行政规范性文`` / ``75 — —`` / ``件``).
- ``synth-7210-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): 行政规范性文件's
  label cell cut over two grid rows, the first of empty cells (``|行政规||||``), the second with the label's rest and
  the values (``|范性文<br>件|0|6|187|``).
- ``synth-7217-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): 行政规范性文件's
  label cut across two grid cells, the row's values stacked under its last piece, the first glued to it
  (``|行政规范性|文件1<br>0<br>102|``).
- ``synth-7201-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``, ``md-pymupdf4llm-layout``): 行政强制's row and the
  next block's title laid into one grid row, the row's value the first line of a title piece's cell
  (``|行政强制|第二十条第|（八|8<br>）项|``).
- ``synth-7699-pymupdf4llm-layout-table2.md`` (``/tmp/u56/tune``, ``md-pymupdf4llm-layout``) and
  ``synth-7212-pymupdf4llm-layout-table2.md`` (``/tmp/d52/tune``): table 二's rows 行政许可, 行政处罚, 行政强制 and the
  blocks' titles laid into one grid row (7699) or two (7212), the labels and 信息内容 lines of the first cell, the
  rows' numbers stacked in one cell among the titles' pieces (``决定数<br>0<br>决定数<br>2<br>2<br>（单位：``).
- ``synth-7691-pymupdf4llm-layout-table2.md`` (``/tmp/u56/tune``, ``md-pymupdf4llm-layout``): 2019's 政府集中采购
  count and amount in one cell, the amount printed with a space after its point (``|政府集中采购|0；21. 51913||``).
- ``synth-7714-pymupdf4llm-table3.md`` (``/tmp/u56/tune``, ``md-pymupdf4llm``): pymupdf4llm's plain mode prints
  table 三 in a 14-column grid whose header splits 法律服务机构 over four grid columns and 其他 over five, and rows
  （三）不予公开 1 to （五）不予处理 5 with their label repeated over six grid columns, their eight values in the
  last eight (``|6．属于四类过程性信息|…|0|0|0|0|1|0|0|1|``): under other grid columns than the header's;
  ``synth-7238-pymupdf4llm-table3.md`` (``/tmp/d52/tune``): the same in a 16-column grid, rows 4.保护第三方合法权益
  to （四）2 with their labels over seven grid columns, their nine values in the last nine.
- ``synth-7708-pymupdf4llm-layout-table3.md`` (``/tmp/u56/tune``, ``md-pymupdf4llm-layout``): table 三's （六）其他处理
  rows laid into one grid row, their labels cut across five cells and their values stacked a ``<br>`` line each
  (``|0 0 0<br>申请0 0 0<br>0 0 0|0 0<br> 0 0<br> 0 0|…``): ``0<br>0``, two stacked zeros, not one number.
- ``synth-7835-pymupdf4llm-layout-table2.md`` (``/tmp/u57/tune``, ``md-pymupdf4llm-layout``): 其他对外管理服务事项's
  label cut across two grid cells, the row's first value against its last piece, an empty line after it
  (``|其他对外管理服务|事项357<br>|—|361||``).
- ``synth-10760-layout-table4.txt``, ``synth-10872-layout-table4.txt`` (``/tmp/w61/tune``, ``layout``), and
  ``synth-10841-pypdf-layout-table4.txt`` (``pdf-pypdf-layout``): table 四 with one row printed as nothing, laid out
  by position under a laid-out header: 10760's row 14 characters beyond the table's left edge, its gaps up to 8
  (行政复议 blank); 10841's at the edge, its middle gap no wider than the others (复议后起诉 blank: no room
  elsewhere); 10872's at the edge, its middle gap 8 against 5 at most elsewhere (未经复议直接起诉 blank: too little
  room to say so, 行政复议's values certain). ``synth-10918-pdftotext-table4.txt`` (``pdftotext-default``): poppler's
  blocks print 行政复议's five values after its five heads only, the other five after all fifteen (未经复议直接起诉
  blank): no placement with 行政复议 blank keeps each value after its own cell's head.

A folder that lacks a snippet's source text (a batch of other seeds) leaves that snippet as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "extractor_snippets"
SNIPPETS = {
    "synth-517-pymupdf-table3.txt": "synth_517.pymupdf.txt",
    "synth-520-pymupdf4llm-table3.md": "synth_520.md-pymupdf4llm.md",
    "synth-1105-pymupdf4llm-table3.md": "synth_1105.md-pymupdf4llm.md",
    "synth-1113-pdftotext-table3.txt": "synth_1113.pdftotext-default.txt",
    "synth-1241-docx-pandoc-gfm-table3.md": "synth_1241.docx-pandoc-gfm.md",
    "synth-1249-pdftotext-raw-table3.txt": "synth_1249.pdftotext-raw.txt",
    "synth-1242-docx-pandoc-gfm-table3.md": "synth_1242.docx-pandoc-gfm.md",
    "synth-1247-markitdown-pdf-table3.md": "synth_1247.md-markitdown-pdf.md",
    "synth-1240-pdfplumber-table3.txt": "synth_1240.pdf-pdfplumber.txt",
    "synth-1256-pymupdf4llm-table3.md": "synth_1256.md-pymupdf4llm.md",
    "synth-1249-pymupdf4llm-table3.md": "synth_1249.md-pymupdf4llm.md",
    "synth-1241-docx-pandoc-markdown-table3.md": "synth_1241.docx-pandoc-markdown.md",
    "synth-1242-docx-pandoc-plain-table3.txt": "synth_1242.docx-pandoc-plain.txt",
    "synth-1241-bs4-glued-table3.txt": "synth_1241.html-bs4-glued.txt",
    "synth-1242-bs4-glued-table3.txt": "synth_1242.html-bs4-glued.txt",
    "synth-1246-pymupdf4llm-layout-table3.md": "synth_1246.md-pymupdf4llm-layout.md",
    "synth-1259-pdftotext-default-table3.txt": "synth_1259.pdftotext-default.txt",
    "synth-1254-pdftotext-default-table3.txt": "synth_1254.pdftotext-default.txt",
    "synth-1255-pdftotext-default-table3.txt": "synth_1255.pdftotext-default.txt",
    "synth-1241-pymupdf4llm-layout-table2.md": "synth_1241.md-pymupdf4llm-layout.md",
    "synth-1249-pymupdf4llm-layout-table2.md": "synth_1249.md-pymupdf4llm-layout.md",
    "synth-1246-pymupdf4llm-table2.md": "synth_1246.md-pymupdf4llm.md",
    "synth-1242-pymupdf4llm-layout-table3.md": "synth_1242.md-pymupdf4llm-layout.md",
    "synth-1256-pdftotext-default-table3.txt": "synth_1256.pdftotext-default.txt",
    "synth-1240-pdftotext-default-table4.txt": "synth_1240.pdftotext-default.txt",
    "synth-1242-pdftotext-default-table4.txt": "synth_1242.pdftotext-default.txt",
    "synth-1249-pdftotext-default-table4.txt": "synth_1249.pdftotext-default.txt",
    "synth-1262-pymupdf4llm-table2.md": "synth_1262.md-pymupdf4llm.md",
    "synth-1267-pymupdf4llm-table2.md": "synth_1267.md-pymupdf4llm.md",
    "synth-1278-pymupdf4llm-table2.md": "synth_1278.md-pymupdf4llm.md",
    "synth-1261-pymupdf4llm-table3.md": "synth_1261.md-pymupdf4llm.md",
    "synth-1258-pypdf-table2.txt": "synth_1258.pdf-pypdf.txt",
    "synth-1261-pymupdf4llm-layout-table2.md": "synth_1261.md-pymupdf4llm-layout.md",
    "synth-1258-pymupdf4llm-layout-table2.md": "synth_1258.md-pymupdf4llm-layout.md",
    "synth-1278-pymupdf4llm-layout-table2.md": "synth_1278.md-pymupdf4llm-layout.md",
    "synth-1246-markitdown-pdf-table2.md": "synth_1246.md-markitdown-pdf.md",
    "synth-1240-pdftotext-default-table2.txt": "synth_1240.pdftotext-default.txt",
    "synth-1264-pdftotext-default-table2.txt": "synth_1264.pdftotext-default.txt",
    "synth-1267-pdftotext-default-table2.txt": "synth_1267.pdftotext-default.txt",
    "synth-1260-pdftotext-default-table2.txt": "synth_1260.pdftotext-default.txt",
    "synth-1276-pdftotext-default-table2.txt": "synth_1276.pdftotext-default.txt",
    "synth-1261-pypdf-table2.txt": "synth_1261.pdf-pypdf.txt",
    "synth-1262-pypdf-table2.txt": "synth_1262.pdf-pypdf.txt",
    "synth-1270-pypdf-table3.txt": "synth_1270.pdf-pypdf.txt",
    "synth-1243-pdfplumber-layout-table4.txt": "synth_1243.pdf-pdfplumber-layout.txt",
    "synth-1269-html-pandoc-markdown-table3.md": "synth_1269.html-pandoc-markdown.md",
    "synth-1275-html-pandoc-plain-table3.txt": "synth_1275.html-pandoc-plain.txt",
    "synth-1260-bs4-glued-table2.txt": "synth_1260.html-bs4-glued.txt",
    "synth-1262-bs4-glued-table2.txt": "synth_1262.html-bs4-glued.txt",
    "synth-1265-bs4-glued-table2.txt": "synth_1265.html-bs4-glued.txt",
    "synth-1275-bs4-glued-table2.txt": "synth_1275.html-bs4-glued.txt",
    "synth-1258-bs4-glued-table2.txt": "synth_1258.html-bs4-glued.txt",
    "synth-1274-bs4-glued-table2.txt": "synth_1274.html-bs4-glued.txt",
    "synth-1261-bs4-glued-table2.txt": "synth_1261.html-bs4-glued.txt",
    "synth-1286-bs4-glued-table2.txt": "synth_1286.html-bs4-glued.txt",
    "synth-1247-bs4-glued-table3.txt": "synth_1247.html-bs4-glued.txt",
    "synth-1264-bs4-lines-table2.txt": "synth_1264.html-bs4-lines.txt",
    "synth-1264-html-pandoc-plain-table3.txt": "synth_1264.html-pandoc-plain.txt",
    "synth-1283-html2text-table3.md": "synth_1283.md-html2text.md",
    "synth-1280-pdftotext-default-table4.txt": "synth_1280.pdftotext-default.txt",
    "synth-1305-pdftotext-default-table4.txt": "synth_1305.pdftotext-default.txt",
    "synth-1312-pdftotext-default-table4.txt": "synth_1312.pdftotext-default.txt",
    "synth-1326-pdftotext-default-table4.txt": "synth_1326.pdftotext-default.txt",
    "synth-1332-pdftotext-default-table4.txt": "synth_1332.pdftotext-default.txt",
    "synth-1289-pdftotext-default-table4.txt": "synth_1289.pdftotext-default.txt",
    "synth-1714-pdftotext-default-table4.txt": "synth_1714.pdftotext-default.txt",
    "synth-1703-pdftotext-default-table2.txt": "synth_1703.pdftotext-default.txt",
    "synth-1700-pdftotext-default.txt": "synth_1700.pdftotext-default.txt",
    "synth-1725-pdftotext-default-table4.txt": "synth_1725.pdftotext-default.txt",
    "synth-1720-pdftotext-default-table3.txt": "synth_1720.pdftotext-default.txt",
    "synth-1286-pdftotext-default-table3.txt": "synth_1286.pdftotext-default.txt",
    "synth-1287-pdftotext-default-table2.txt": "synth_1287.pdftotext-default.txt",
    "synth-1295-pdftotext-default-table3.txt": "synth_1295.pdftotext-default.txt",
    "synth-1283-markitdown-html-table3.md": "synth_1283.md-markitdown-html.md",
    "synth-1275-markitdown-html-table3.md": "synth_1275.md-markitdown-html.md",
    "synth-1264-docx-pandoc-markdown-table2.md": "synth_1264.docx-pandoc-markdown.md",
    "synth-1265-docx-pandoc-markdown-table2.md": "synth_1265.docx-pandoc-markdown.md",
    "synth-1280-lynx-table2.txt": "synth_1280.html-lynx.txt",
    "synth-1256-pypdf-layout-table3.txt": "synth_1256.pdf-pypdf-layout.txt",
    "synth-1284-pymupdf4llm-layout-table3.md": "synth_1284.md-pymupdf4llm-layout.md",
    "synth-1282-markitdown-pdf-table2.md": "synth_1282.md-markitdown-pdf.md",
    "synth-1250-pdftotext-default-table4.txt": "synth_1250.pdftotext-default.txt",
    "synth-1260-pdftotext-default-table4.txt": "synth_1260.pdftotext-default.txt",
    "synth-1273-pdftotext-default-table3.txt": "synth_1273.pdftotext-default.txt",
    "synth-1266-pdftotext-default-table3.txt": "synth_1266.pdftotext-default.txt",
    "synth-1278-pdftotext-default-table3.txt": "synth_1278.pdftotext-default.txt",
    "synth-1260-pdfium-table3.txt": "synth_1260.pdf-pdfium.txt",
    "synth-1261-asciidoc.txt": "synth_1261.html-pandoc-asciidoc.txt",
    "synth-1266-asciidoc.txt": "synth_1266.html-pandoc-asciidoc.txt",
    "synth-1243-lxml-text-table3.txt": "synth_1243.html-lxml-text.txt",
    "synth-1242-pdftotext-nopgbrk.txt": "synth_1242.pdftotext-nopgbrk.txt",
    "synth-1255-pdftotext-nopgbrk.txt": "synth_1255.pdftotext-nopgbrk.txt",
    "synth-1275-bs4-lines-table3.txt": "synth_1275.html-bs4-lines.txt",
    "synth-1800-pdfminer-table2.txt": "synth_1800.pdf-pdfminer.txt",
    "synth-1806-pdfminer-table2.txt": "synth_1806.pdf-pdfminer.txt",
    "synth-1813-lo-pdfminer-table2.txt": "synth_1813.pdf-lo-pdfminer.txt",
    "synth-1808-pdfminer-flow-none-table2.txt": "synth_1808.pdf-pdfminer-flow-none.txt",
    "synth-1820-pdfminer-flow-none-table2.txt": "synth_1820.pdf-pdfminer-flow-none.txt",
    "synth-1827-lo-pdfminer-table4.txt": "synth_1827.pdf-lo-pdfminer.txt",
    "synth-1805-pdfminer-table3.txt": "synth_1805.pdf-pdfminer.txt",
    "synth-1604-pymupdf4llm-table4.md": "synth_1604.md-pymupdf4llm.md",
    "synth-2018-bs4-glued-table3.txt": "synth_2018.html-bs4-glued.txt",
    "synth-2036-bs4-glued-table3.txt": "synth_2036.html-bs4-glued.txt",
    "synth-2015-bs4-glued-table3.txt": "synth_2015.html-bs4-glued.txt",
    "synth-2066-mammoth-table3.md": "synth_2066.docx-mammoth-md.md",
    "synth-2026-html-pandoc-plain-table3.txt": "synth_2026.html-pandoc-plain.txt",
    "synth-2011-html2text-table3.md": "synth_2011.md-html2text.md",
    "synth-2011-html-to-markdown.md": "synth_2011.md-html-to-markdown.md",
    "synth-2048-html-pandoc-plain-table3.txt": "synth_2048.html-pandoc-plain.txt",
    "synth-1977-pdfplumber-table3.txt": "synth_1977.pdf-pdfplumber.txt",
    "synth-1963-markitdown-pdf-table4.md": "synth_1963.md-markitdown-pdf.md",
    "synth-4044-markitdown-pdf-table4.md": "synth_4044.md-markitdown-pdf.md",
    "synth-4044-pdfplumber-table4.txt": "synth_4044.pdf-pdfplumber.txt",
    "synth-7307-pdfplumber-table4.txt": "synth_7307.pdf-pdfplumber.txt",
    "synth-7409-pdfminer-flow-none-table4.txt": "synth_7409.pdf-pdfminer-flow-none.txt",
    "synth-7307-pdfminer-table3.txt": "synth_7307.pdf-pdfminer.txt",
    "synth-7409-pdfminer-table3.txt": "synth_7409.pdf-pdfminer.txt",
    "synth-7468-pdfminer-table2.txt": "synth_7468.pdf-pdfminer.txt",
    "synth-7397-pdfminer-table2.txt": "synth_7397.pdf-pdfminer.txt",
    "synth-7505-lo-pdfminer-table2.txt": "synth_7505.pdf-lo-pdfminer.txt",
    "synth-7495-pdfminer-table3.txt": "synth_7495.pdf-pdfminer.txt",
    "synth-7623-pdfminer-table3.txt": "synth_7623.pdf-pdfminer.txt",
    "synth-7501-wk-pdfminer-table3.txt": "synth_7501.pdf-wk-pdfminer.txt",
    "synth-8001-markitdown-pdf-table3.md": "synth_8001.md-markitdown-pdf.md",
    "synth-8014-markitdown-pdf-table3.md": "synth_8014.md-markitdown-pdf.md",
    "synth-8032-pymupdf4llm-layout-table2.md": "synth_8032.md-pymupdf4llm-layout.md",
    "synth-7999-pymupdf4llm-layout-table2.md": "synth_7999.md-pymupdf4llm-layout.md",
    "synth-8036-pymupdf4llm-layout-table2.md": "synth_8036.md-pymupdf4llm-layout.md",
    "synth-8037-pymupdf4llm-layout-table2.md": "synth_8037.md-pymupdf4llm-layout.md",
    "synth-8043-pymupdf4llm-layout-table2.md": "synth_8043.md-pymupdf4llm-layout.md",
    "synth-8041-pymupdf4llm-layout-table2.md": "synth_8041.md-pymupdf4llm-layout.md",
    "synth-8001-pymupdf4llm-layout.md": "synth_8001.md-pymupdf4llm-layout.md",
    "synth-7992-pymupdf4llm-layout-table2.md": "synth_7992.md-pymupdf4llm-layout.md",
    "synth-8022-pymupdf4llm-table2.md": "synth_8022.md-pymupdf4llm.md",
    "synth-8003-pymupdf4llm-table2.md": "synth_8003.md-pymupdf4llm.md",
    "synth-8028-pymupdf4llm-table3.md": "synth_8028.md-pymupdf4llm.md",
    "synth-10648-pymupdf4llm-table3.md": "synth_10648.md-pymupdf4llm.md",
    "synth-10664-pymupdf4llm-layout-table3.md": "synth_10664.md-pymupdf4llm-layout.md",
    "synth-10650-pymupdf4llm-layout.md": "synth_10650.md-pymupdf4llm-layout.md",
    "synth-10461-pymupdf4llm-layout-table2.md": "synth_10461.md-pymupdf4llm-layout.md",
    "synth-10462-pymupdf4llm-layout.md": "synth_10462.md-pymupdf4llm-layout.md",
    "synth-10466-pymupdf4llm-layout-table2.md": "synth_10466.md-pymupdf4llm-layout.md",
    "synth-10468-pymupdf4llm-table3.md": "synth_10468.md-pymupdf4llm.md",
    "synth-10670-pymupdf4llm-layout.md": "synth_10670.md-pymupdf4llm-layout.md",
    "synth-10671-pymupdf4llm-table3.md": "synth_10671.md-pymupdf4llm.md",
    "synth-10683-pymupdf4llm-table3.md": "synth_10683.md-pymupdf4llm.md",
    "synth-11648-pymupdf4llm-table3.md": "synth_11648.md-pymupdf4llm.md",
    "synth-11630-pymupdf4llm-layout-table3.md": "synth_11630.md-pymupdf4llm-layout.md",
    "synth-11640-markitdown-pdf-table3.md": "synth_11640.md-markitdown-pdf.md",
    "synth-11630-markitdown-pdf-table2.md": "synth_11630.md-markitdown-pdf.md",
    "synth-11744-pdfplumber-layout-table3.txt": "synth_11744.pdf-pdfplumber-layout.txt",
    "synth-12172-pdfplumber-layout-table3.txt": "synth_12172.pdf-pdfplumber-layout.txt",
    "synth-4066-pdfminer-table2.txt": "synth_4066.pdf-pdfminer.txt",
    "synth-4057-pdfminer-table2.txt": "synth_4057.pdf-pdfminer.txt",
    "synth-4051-pdfminer-table2.txt": "synth_4051.pdf-pdfminer.txt",
    "synth-4045-lo-pdfminer-table3.txt": "synth_4045.pdf-lo-pdfminer.txt",
    "synth-1610-pdfplumber-table3.txt": "synth_1610.pdf-pdfplumber.txt",
    "synth-1603-pdfplumber-table3.txt": "synth_1603.pdf-pdfplumber.txt",
    "synth-4049-pdfplumber-table3.txt": "synth_4049.pdf-pdfplumber.txt",
    "synth-4057-pdftotext-default-table3.txt": "synth_4057.pdftotext-default.txt",
    "synth-4048-pdftotext-default-table3.txt": "synth_4048.pdftotext-default.txt",
    "synth-3745-pdftotext-default-table3.txt": "synth_3745.pdftotext-default.txt",
    "synth-4046-pdftotext-default-table3.txt": "synth_4046.pdftotext-default.txt",
    "synth-3747-pdftotext-default-table3.txt": "synth_3747.pdftotext-default.txt",
    "synth-3747-pdftotext-default.txt": "synth_3747.pdftotext-default.txt",
    "synth-3741-pdftotext-default-table3.txt": "synth_3741.pdftotext-default.txt",
    "synth-7468-pdftotext-default-table4.txt": "synth_7468.pdftotext-default.txt",
    "synth-7583-pdftotext-default-table2.txt": "synth_7583.pdftotext-default.txt",
    "synth-7604-pdftotext-default-table2.txt": "synth_7604.pdftotext-default.txt",
    "synth-7590-pdftotext-default-table3.txt": "synth_7590.pdftotext-default.txt",
    "synth-7594-pdftotext-default-table3.txt": "synth_7594.pdftotext-default.txt",
    "synth-7637-pdftotext-default-table3.txt": "synth_7637.pdftotext-default.txt",
    "synth-7409-pdftotext-default-table3.txt": "synth_7409.pdftotext-default.txt",
    "synth-7442-pdftotext-default-table3.txt": "synth_7442.pdftotext-default.txt",
    "synth-7747-pdftotext-default-table4.txt": "synth_7747.pdftotext-default.txt",
    "synth-7984-pdftotext-default-table4.txt": "synth_7984.pdftotext-default.txt",
    "synth-4066-pdftotext-default-table4.txt": "synth_4066.pdftotext-default.txt",
    "synth-3742-pdftotext-default-table4.txt": "synth_3742.pdftotext-default.txt",
    "synth-4042-markitdown-pdf-table3.md": "synth_4042.md-markitdown-pdf.md",
    "synth-1610-pdfminer-flow-none-table3.txt": "synth_1610.pdf-pdfminer-flow-none.txt",
    "synth-1609-lo-pdfminer-table3.txt": "synth_1609.pdf-lo-pdfminer.txt",
    "synth-4045-lo-pdfminer-table4.txt": "synth_4045.pdf-lo-pdfminer.txt",
    "synth-1981-pypdf-layout-table3.txt": "synth_1981.pdf-pypdf-layout.txt",
    "synth-1981-pdfplumber-layout-table3.txt": "synth_1981.pdf-pdfplumber-layout.txt",
    "synth-1961-pdfminer-flow-none-table3.txt": "synth_1961.pdf-pdfminer-flow-none.txt",
    "synth-1936-pdfminer-table3.txt": "synth_1936.pdf-pdfminer.txt",
    "synth-1930-pdfminer-table3.txt": "synth_1930.pdf-pdfminer.txt",
    "synth-1941-pdfminer-table3.txt": "synth_1941.pdf-pdfminer.txt",
    "synth-3395-bs4-glued-table2.txt": "synth_3395.html-bs4-glued.txt",
    "synth-3395-markdownify-table2.md": "synth_3395.md-markdownify.md",
    "synth-3395-bs4-lines-table2.txt": "synth_3395.html-bs4-lines.txt",
    "synth-3503-pypdf-layout-table4.txt": "synth_3503.pdf-pypdf-layout.txt",
    "synth-3304-pdftotext-default-table4.txt": "synth_3304.pdftotext-default.txt",
    "synth-3519-pdftotext-default-table4.txt": "synth_3519.pdftotext-default.txt",
    "synth-3281-pdftotext-raw-table3.txt": "synth_3281.pdftotext-raw.txt",
    "synth-3604-pdftotext-raw-table3.txt": "synth_3604.pdftotext-raw.txt",
    "synth-3503-bs4-glued-table4.txt": "synth_3503.html-bs4-glued.txt",
    "synth-3505-bs4-glued-table4.txt": "synth_3505.html-bs4-glued.txt",
    "synth-3507-pdfminer-flow-none-table2.txt": "synth_3507.pdf-pdfminer-flow-none.txt",
    "synth-1604-pdfminer-flow-none-table2.txt": "synth_1604.pdf-pdfminer-flow-none.txt",
    "synth-1612-pdfminer-flow-none-table3.txt": "synth_1612.pdf-pdfminer-flow-none.txt",
    "synth-1603-bs4-glued-table3.txt": "synth_1603.html-bs4-glued.txt",
    "synth-1610-pypdf-table3.txt": "synth_1610.pdf-pypdf.txt",
    "synth-1610-pymupdf-table3.txt": "synth_1610.text-pymupdf.txt",
    "synth-1612-pdfplumber-table3.txt": "synth_1612.pdf-pdfplumber.txt",
    "synth-1612-pdfplumber-layout-table3.txt": "synth_1612.pdf-pdfplumber-layout.txt",
    "synth-1612-markitdown-pdf-table3.md": "synth_1612.md-markitdown-pdf.md",
    "synth-1610-markitdown-pdf-table3.md": "synth_1610.md-markitdown-pdf.md",
    "synth-1608-pymupdf4llm-layout-table2.md": "synth_1608.md-pymupdf4llm-layout.md",
    "synth-1612-pdftotext-default-table3.txt": "synth_1612.pdftotext-default.txt",
    "synth-1610-pypdf-layout-table3.txt": "synth_1610.pdf-pypdf-layout.txt",
    "synth-3520-pdftotext-default-table4.txt": "synth_3520.pdftotext-default.txt",
    "synth-3537-pdftotext-default-table3.txt": "synth_3537.pdftotext-default.txt",
    "synth-1605-pdftotext-default-table3.txt": "synth_1605.pdftotext-default.txt",
    "synth-3201-wk-pdfminer-table2.txt": "synth_3201.pdf-wk-pdfminer.txt",
    "synth-3213-pdfminer-table2.txt": "synth_3213.pdf-pdfminer.txt",
    "synth-3210-pdfminer-table2.txt": "synth_3210.pdf-pdfminer.txt",
    "synth-3200-pdfminer-vertical-table4.txt": "synth_3200.pdf-pdfminer-vertical.txt",
    "synth-3201-pdfminer-table4.txt": "synth_3201.pdf-pdfminer.txt",
    "synth-3426-pdftotext-default-table3.txt": "synth_3426.pdftotext-default.txt",
    "synth-3425-pdftotext-default-table3.txt": "synth_3425.pdftotext-default.txt",
    "synth-3425-pdfplumber-table2.txt": "synth_3425.pdf-pdfplumber.txt",
    "synth-3425-pypdf-table2.txt": "synth_3425.pdf-pypdf.txt",
    "synth-3425-pypdf-layout-table2.txt": "synth_3425.pdf-pypdf-layout.txt",
    "synth-3425-markitdown-pdf-table2.md": "synth_3425.md-markitdown-pdf.md",
    "synth-3421-pymupdf4llm-table2.md": "synth_3421.md-pymupdf4llm.md",
    "synth-3437-pymupdf-table2.txt": "synth_3437.text-pymupdf.txt",
    "synth-3431-pymupdf4llm-layout-table2.md": "synth_3431.md-pymupdf4llm-layout.md",
    "synth-3451-pypdf-table2.txt": "synth_3451.pdf-pypdf.txt",
    "synth-3445-trafilatura.txt": "synth_3445.html-trafilatura.txt",
    "synth-3440-html-pandoc-markdown-table3.md": "synth_3440.html-pandoc-markdown.md",
    "synth-3458-markdownify-table2.md": "synth_3458.md-markdownify.md",
    "synth-3466-turndown-table4.md": "synth_3466.md-turndown.md",
    "synth-3485-turndown-table4.md": "synth_3485.md-turndown.md",
    "synth-3472-pymupdf4llm-layout-table2.md": "synth_3472.md-pymupdf4llm-layout.md",
    "synth-3478-pymupdf4llm-layout.md": "synth_3478.md-pymupdf4llm-layout.md",
    "synth-3474-markitdown-pdf-table3.md": "synth_3474.md-markitdown-pdf.md",
    "synth-3474-markitdown-pdf-table2.md": "synth_3474.md-markitdown-pdf.md",
    "synth-3473-pymupdf4llm-table3.md": "synth_3473.md-pymupdf4llm.md",
    "synth-3479-pymupdf4llm-layout-table4.md": "synth_3479.md-pymupdf4llm-layout.md",
    "synth-3474-pymupdf4llm-layout-table3.md": "synth_3474.md-pymupdf4llm-layout.md",
    "synth-3506-pymupdf4llm-layout-table2.md": "synth_3506.md-pymupdf4llm-layout.md",
    "synth-3515-pymupdf4llm-layout-table2.md": "synth_3515.md-pymupdf4llm-layout.md",
    "synth-3520-pdfplumber-layout-table2.txt": "synth_3520.pdf-pdfplumber-layout.txt",
    "synth-3518-pypdf-layout-table3.txt": "synth_3518.pdf-pypdf-layout.txt",
    "synth-3543-pdfminer-table3.txt": "synth_3543.pdf-pdfminer.txt",
    "synth-3540-pdfminer-table3.txt": "synth_3540.pdf-pdfminer.txt",
    "synth-3558-pdfminer-table3.txt": "synth_3558.pdf-pdfminer.txt",
    "synth-3546-lo-pdfminer-table3.txt": "synth_3546.pdf-lo-pdfminer.txt",
    "synth-3548-pdfminer-table3.txt": "synth_3548.pdf-pdfminer.txt",
    "synth-3542-pdfminer-flow-none-table3.txt": "synth_3542.pdf-pdfminer-flow-none.txt",
    "synth-3542-pdfplumber-table3.txt": "synth_3542.pdf-pdfplumber.txt",
    "synth-3556-pdfminer-table4.txt": "synth_3556.pdf-pdfminer.txt",
    "synth-15403-pdftotext-default-table3.txt": "synth_15403.pdftotext-default.txt",
    "synth-3550-wk-pdfminer-table3.txt": "synth_3550.pdf-wk-pdfminer.txt",
    "synth-3626-pymupdf4llm-layout-table3.md": "synth_3626.md-pymupdf4llm-layout.md",
    "synth-3632-pdftotext-default-table2.txt": "synth_3632.pdftotext-default.txt",
    "synth-3620-pymupdf4llm-layout-table2.md": "synth_3620.md-pymupdf4llm-layout.md",
    "synth-3628-pdfplumber-table3.txt": "synth_3628.pdf-pdfplumber.txt",
    "synth-3639-pymupdf4llm-layout-table2.md": "synth_3639.md-pymupdf4llm-layout.md",
    "synth-3648-pymupdf4llm-layout-table2.md": "synth_3648.md-pymupdf4llm-layout.md",
    "synth-3557-lohtml-pdfminer-table2.txt": "synth_3557.pdf-lohtml-pdfminer.txt",
    "synth-3558-lo-pdfminer-table2.txt": "synth_3558.pdf-lo-pdfminer.txt",
    "synth-3677-lohtml-pdfminer-table4.txt": "synth_3677.pdf-lohtml-pdfminer.txt",
    "synth-3675-lo-pdfminer-table3.txt": "synth_3675.pdf-lo-pdfminer.txt",
    "synth-3647-pdftotext-default-table3.txt": "synth_3647.pdftotext-default.txt",
    "synth-3747-pypdf-layout-table3.txt": "synth_3747.pdf-pypdf-layout.txt",
    "synth-3715-pdfplumber-table3.txt": "synth_3715.pdf-pdfplumber.txt",
    "synth-3715-pymupdf-table3.txt": "synth_3715.pymupdf.txt",
    "synth-3715-pypdf-table3.txt": "synth_3715.pdf-pypdf.txt",
    "synth-3745-pdfplumber-table3.txt": "synth_3745.pdf-pdfplumber.txt",
    "synth-6015-layout-table3.txt": "synth_6015.layout.txt",
    "synth-6010-layout-table3.txt": "synth_6010.layout.txt",
    "synth-6010-pymupdf-table3.txt": "synth_6010.pymupdf.txt",
    "synth-6008-layout-table3.txt": "synth_6008.layout.txt",
    "synth-6001-pymupdf-table3.txt": "synth_6001.pymupdf.txt",
    "synth-6002-pymupdf-table4.txt": "synth_6002.pymupdf.txt",
    "synth-6011-markitdown-pdf-table3.md": "synth_6011.md-markitdown-pdf.md",
    "synth-6001-flow-none-table3.txt": "synth_6001.pdf-pdfminer-flow-none.txt",
    "synth-6010-flow-none-table3.txt": "synth_6010.pdf-pdfminer-flow-none.txt",
    "synth-6012-flow-none-table3.txt": "synth_6012.pdf-pdfminer-flow-none.txt",
    "synth-6022-flow-none-table3.txt": "synth_6022.pdf-pdfminer-flow-none.txt",
    "synth-6029-flow-none-table3.txt": "synth_6029.pdf-pdfminer-flow-none.txt",
    "synth-6019-flow-none-table3.txt": "synth_6019.pdf-pdfminer-flow-none.txt",
    "synth-6003-pypdf-layout-table3.txt": "synth_6003.pdf-pypdf-layout.txt",
    "synth-6022-pypdf-layout-table3.txt": "synth_6022.pdf-pypdf-layout.txt",
    "synth-6027-pypdf-layout-table3.txt": "synth_6027.pdf-pypdf-layout.txt",
    "synth-7206-pymupdf4llm-table2.md": "synth_7206.md-pymupdf4llm.md",
    "synth-7206-layout-table2.txt": "synth_7206.layout.txt",
    "synth-7206-flow-none-table2.txt": "synth_7206.pdf-pdfminer-flow-none.txt",
    "synth-7216-pymupdf4llm-layout-table2.md": "synth_7216.md-pymupdf4llm-layout.md",
    "synth-7232-pymupdf4llm-layout-table2.md": "synth_7232.md-pymupdf4llm-layout.md",
    "synth-7205-pymupdf4llm-layout-table2.md": "synth_7205.md-pymupdf4llm-layout.md",
    "synth-7211-pymupdf4llm-layout-table3.md": "synth_7211.md-pymupdf4llm-layout.md",
    "synth-7208-pymupdf4llm-layout-table2.md": "synth_7208.md-pymupdf4llm-layout.md",
    "synth-7337-pymupdf4llm-layout-table2.md": "synth_7337.md-pymupdf4llm-layout.md",
    "synth-7223-pymupdf4llm-layout-table3.md": "synth_7223.md-pymupdf4llm-layout.md",
    "synth-7229-pymupdf4llm-layout-table2.md": "synth_7229.md-pymupdf4llm-layout.md",
    "synth-7235-pdfplumber-table2.txt": "synth_7235.pdf-pdfplumber.txt",
    "synth-7235-markitdown-pdf-table2.md": "synth_7235.md-markitdown-pdf.md",
    "synth-7210-pymupdf4llm-layout-table2.md": "synth_7210.md-pymupdf4llm-layout.md",
    "synth-7217-pymupdf4llm-layout-table2.md": "synth_7217.md-pymupdf4llm-layout.md",
    "synth-7201-pymupdf4llm-layout-table2.md": "synth_7201.md-pymupdf4llm-layout.md",
    "synth-7699-pymupdf4llm-layout-table2.md": "synth_7699.md-pymupdf4llm-layout.md",
    "synth-7212-pymupdf4llm-layout-table2.md": "synth_7212.md-pymupdf4llm-layout.md",
    "synth-7691-pymupdf4llm-layout-table2.md": "synth_7691.md-pymupdf4llm-layout.md",
    "synth-7714-pymupdf4llm-table3.md": "synth_7714.md-pymupdf4llm.md",
    "synth-7238-pymupdf4llm-table3.md": "synth_7238.md-pymupdf4llm.md",
    "synth-7708-pymupdf4llm-layout-table3.md": "synth_7708.md-pymupdf4llm-layout.md",
    "synth-7835-pymupdf4llm-layout-table2.md": "synth_7835.md-pymupdf4llm-layout.md",
    "synth-6015-flow-none-table3.txt": "synth_6015.pdf-pdfminer-flow-none.txt",
    "synth-6012-pypdf-layout-table3.txt": "synth_6012.pdf-pypdf-layout.txt",
    "synth-6026-pypdf-layout-table3.txt": "synth_6026.pdf-pypdf-layout.txt",
    "synth-6029-pypdf-layout-table3.txt": "synth_6029.pdf-pypdf-layout.txt",
    "synth-6023-pypdf-layout-table3.txt": "synth_6023.pdf-pypdf-layout.txt",
    "synth-6002-pypdf-layout-table4.txt": "synth_6002.pdf-pypdf-layout.txt",
    "synth-6010-pypdf-layout-table4.txt": "synth_6010.pdf-pypdf-layout.txt",
    "synth-6015-pypdf-layout-table4.txt": "synth_6015.pdf-pypdf-layout.txt",
    "synth-6006-pypdf-layout-table2.txt": "synth_6006.pdf-pypdf-layout.txt",
    "synth-6013-pypdf-layout-table2.txt": "synth_6013.pdf-pypdf-layout.txt",
    "synth-6019-pypdf-layout-table3.txt": "synth_6019.pdf-pypdf-layout.txt",
    "synth-6011-pypdf-layout-table3.txt": "synth_6011.pdf-pypdf-layout.txt",
    "synth-6004-pypdf-layout-table3.txt": "synth_6004.pdf-pypdf-layout.txt",
    "synth-6008-pypdf-layout-table3.txt": "synth_6008.pdf-pypdf-layout.txt",
    "synth-6009-pypdf-layout-table3.txt": "synth_6009.pdf-pypdf-layout.txt",
    "synth-6015-pypdf-layout-table3.txt": "synth_6015.pdf-pypdf-layout.txt",
    "synth-6023-flow-none-table3.txt": "synth_6023.pdf-pdfminer-flow-none.txt",
    "synth-6002-flow-none-table3.txt": "synth_6002.pdf-pdfminer-flow-none.txt",
    "synth-7233-flow-none-table3.txt": "synth_7233.pdf-pdfminer-flow-none.txt",
    "synth-3741-flow-none-table3.txt": "synth_3741.pdf-pdfminer-flow-none.txt",
    "synth-6022-flow-none-table2.txt": "synth_6022.pdf-pdfminer-flow-none.txt",
    "synth-7549-bs4-glued-table3.txt": "synth_7549.html-bs4-glued.txt",
    "synth-7780-bs4-lines-table3.txt": "synth_7780.html-bs4-lines.txt",
    "synth-8131-pdftotext-table4.txt": "synth_8131.pdftotext-default.txt",
    "synth-8321-pdftotext-default-table3.txt": "synth_8321.pdftotext-default.txt",
    "synth-8375-pdftotext-default-table3.txt": "synth_8375.pdftotext-default.txt",
    "synth-8379-pdftotext-default-table3.txt": "synth_8379.pdftotext-default.txt",
    "synth-7949-pdftotext-default-table3.txt": "synth_7949.pdftotext-default.txt",
    "synth-9337-pdftotext-default-table3.txt": "synth_9337.pdftotext-default.txt",
    "synth-9689-pdftotext-default-table3.txt": "synth_9689.pdftotext-default.txt",
    "synth-10760-layout-table4.txt": "synth_10760.layout.txt",
    "synth-10872-layout-table4.txt": "synth_10872.layout.txt",
    "synth-10841-pypdf-layout-table4.txt": "synth_10841.pdf-pypdf-layout.txt",
    "synth-10918-pdftotext-table4.txt": "synth_10918.pdftotext-default.txt",
}
# snippets kept whole (a few KB): the report's layout and its headings are what the rule reads
WHOLE = {
    "synth-10670-pymupdf4llm-layout.md",
    "synth-10650-pymupdf4llm-layout.md",
    "synth-10462-pymupdf4llm-layout.md",
    "synth-4045-lo-pdfminer-table4.txt",
    "synth-3478-pymupdf4llm-layout.md",
    "synth-2011-html-to-markdown.md",
    "synth-1261-asciidoc.txt",
    "synth-1266-asciidoc.txt",
    "synth-1242-pdftotext-nopgbrk.txt",
    "synth-1255-pdftotext-nopgbrk.txt",
    "synth-1700-pdftotext-default.txt",
    "synth-3201-pdfminer-table4.txt",
    "synth-3445-trafilatura.txt",
    "synth-4051-pdfminer-table2.txt",
    "synth-3747-pdftotext-default.txt",
    "synth-8001-pymupdf4llm-layout.md",  # no section 二's nor 五's heading at a line's start
}
# snippets of a report pandoc printed inside a portal's one-column layout table (a grid table of one column:
# ``+----+`` rules, each line ``| … |``): cut as whole lines, the frame's rule kept around the title's lines and
# around the table's, so that the snippet is framed as the report is (``parsers.conventions``' ``layout_table``)
# snippets whose last line ends in no-break spaces that are the text's cells (BeautifulSoup's ``&nbsp;``): kept
NBSP_KEPT = {
    "synth-3503-bs4-glued-table4.txt",
    "synth-7409-pdfminer-flow-none-table4.txt",
}

FRAMED = {
    "synth-1269-html-pandoc-markdown-table3.md",
    "synth-1275-html-pandoc-plain-table3.txt",
    "synth-2048-html-pandoc-plain-table3.txt",
    "synth-3440-html-pandoc-markdown-table3.md",
}


# snippets of a page markitdown printed inside a portal's one-column layout table: the whole report one pipe line,
# each table nested in it flattened into that line; the lines before it kept (the layout table's head and rule mark
# the text as Markdown), the line cut at the bars around table 三's section heading and section
# 五's, so that the snippet is one pipe line as the report is (``parsers.nested_rows``)
PIPED = {
    "synth-1283-markitdown-html-table3.md",
    "synth-1275-markitdown-html-table3.md",
    "synth-3458-markdownify-table2.md",
}


# snippets that begin earlier than table 三's heading: at section 二's (table 二's fee row, whose
# values run on into table 三 where table 三's start is not found)
FROM = {
    "synth-11630-markitdown-pdf-table2.md": "二、主动公开政府信息情况",
    "synth-10466-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-10461-pymupdf4llm-layout-table2.md": "|二、主动公开政府",
    "synth-6006-pypdf-layout-table2.txt": "二、主动公开政府信息情况",
    "synth-6013-pypdf-layout-table2.txt": "二、主动公开政府信息情况",
    "synth-1612-pdfminer-flow-none-table3.txt": "二、主动公开政府信息情况",
    "synth-3507-pdfminer-flow-none-table2.txt": "二、主动公开政府信息情况",
    "synth-1604-pdfminer-flow-none-table2.txt": "二、主动公开政府信息情况",
    "synth-1800-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-3201-wk-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-4066-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-4057-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-3213-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-3210-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-1806-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-1813-lo-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-1808-pdfminer-flow-none-table2.txt": "二、主动公开政府信息情况",
    "synth-1820-pdfminer-flow-none-table2.txt": "二、主动公开政府信息情况",
    "synth-1282-markitdown-pdf-table2.md": "二、主动公开政府信息情况",
    "synth-1284-pymupdf4llm-layout-table3.md": "二、主动公开政府信息情况",
    "synth-1249-pdftotext-raw-table3.txt": "二、主动公开政府信息情况",
    # pymupdf4llm's layout mode prints section 三's heading as a table row cut into cells (|三|、收到和处理政|…|)
    "synth-1246-pymupdf4llm-layout-table3.md": "二、主动公开政府信息情况",
    "synth-1241-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-1608-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-1249-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-1246-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
    "synth-1242-pymupdf4llm-layout-table3.md": "二、主动公开政府信息情况",
    "synth-1262-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
    "synth-1267-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
    "synth-1278-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
    "synth-1258-pypdf-table2.txt": "二、主动公开政府信息情况",
    "synth-1261-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-1258-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-1278-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-1246-markitdown-pdf-table2.md": "二、主动公开政府信息情况",
    "synth-1240-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-1264-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-1267-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-1260-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-1276-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-1703-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-1261-pypdf-table2.txt": "二、主动公开政府信息情况",
    "synth-1262-pypdf-table2.txt": "二、主动公开政府信息情况",
    "synth-1260-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1262-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1265-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1275-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1258-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1274-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1261-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1286-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-1264-bs4-lines-table2.txt": "二、主动公开政府信息情况",
    "synth-1264-html-pandoc-plain-table3.txt": "二、主动公开政府信息情况",
    "synth-1287-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-1264-docx-pandoc-markdown-table2.md": "二、主动公开政府信息情况",
    "synth-1265-docx-pandoc-markdown-table2.md": "二、主动公开政府信息情况",
    "synth-1280-lynx-table2.txt": "二、主动公开政府信息情况",
    "synth-1273-pdftotext-default-table3.txt": "二、主动公开政府信息情况",
    "synth-1604-pymupdf4llm-table4.md": "二、主动公开政府信息情况",
    "synth-3395-bs4-glued-table2.txt": "二、主动公开政府信息情况",
    "synth-3395-markdownify-table2.md": "二、主动公开政府信息情况",
    "synth-3395-bs4-lines-table2.txt": "二、主动公开政府信息情况",
    "synth-3426-pdftotext-default-table3.txt": "二、主动公开政府信息情况",
    "synth-15403-pdftotext-default-table3.txt": "二、主动公开政府信息情况",
    "synth-3425-pdftotext-default-table3.txt": "二、主动公开政府信息情况",
    "synth-3425-pdfplumber-table2.txt": "二、主动公开政府信息情况",
    "synth-7206-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
    "synth-7206-layout-table2.txt": "二、主动公开政府信息情况",
    "synth-7206-flow-none-table2.txt": "二、主动公开政府信息情况",
    "synth-6022-flow-none-table2.txt": "二、主动公开政府信息情况",
    "synth-7216-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7232-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7205-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7211-pymupdf4llm-layout-table3.md": "|三、收到和处理",  # the heading cut over grid cells
    "synth-7208-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7337-pymupdf4llm-layout-table2.md": "|第二十条第|（一）|项",  # no section heading in the text
    "synth-7229-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7235-pdfplumber-table2.txt": "二、主动公开政府信息情况",
    "synth-7235-markitdown-pdf-table2.md": "二、主动公开政府信息情况",
    "synth-7210-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7217-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7201-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7699-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7212-pymupdf4llm-layout-table2.md": "|第二十条第|（一）|项",  # no section heading in the text
    "synth-7691-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7835-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-3425-pypdf-table2.txt": "二、主动公开政府信息情况",
    "synth-3425-pypdf-layout-table2.txt": "二、主动公开政府信息情况",
    "synth-3425-markitdown-pdf-table2.md": "二、主动公开政府信息情况",
    "synth-3421-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
    "synth-3437-pymupdf-table2.txt": "二、主动公开政府信息情况",
    "synth-3431-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-3451-pypdf-table2.txt": "二、主动公开政府信息情况",
    "synth-3458-markdownify-table2.md": "二、主动公开政府信息情况",
    "synth-3472-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-3474-markitdown-pdf-table2.md": "二、主动公开政府信息情况",
    "synth-3479-pymupdf4llm-layout-table4.md": "二、主动公开政府信息情况",
    "synth-3506-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-3515-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-3520-pdfplumber-layout-table2.txt": "二、主动公开政府信息情况",
    # section 三's heading cut into two grid cells (``|三、收到和处理政府信息<br>项目|公开申请情况|``)
    "synth-3626-pymupdf4llm-layout-table3.md": "二、主动公开政府信息情况",
    "synth-3632-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-3620-pymupdf4llm-layout-table2.md": "|二、主动公开政府信息情",  # the heading cut over grid cells
    "synth-3639-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-3648-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-3557-lohtml-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-3558-lo-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-7583-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-7604-pdftotext-default-table2.txt": "二、主动公开政府信息情况",
    "synth-7468-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-7397-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-7505-lo-pdfminer-table2.txt": "二、主动公开政府信息情况",
    "synth-8032-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-7999-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-8036-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-8037-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-8043-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-8041-pymupdf4llm-layout-table2.md": "（五）监督保障",  # section 二's heading at that paragraph's end
    "synth-7992-pymupdf4llm-layout-table2.md": "二、主动公开政府信息情况",
    "synth-8022-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
    "synth-8003-pymupdf4llm-table2.md": "二、主动公开政府信息情况",
}


def excerpt(text: str, begin: str = "三、收到和处理政府信息公开申请情况", *, keep_nbsp: bool = False) -> str:
    """The title line, then the text from table 三's section heading (or ``begin``) up to section 五's heading
    (white space at its end dropped: only line breaks and spaces where ``keep_nbsp``)."""
    title = next(line for line in text.splitlines() if line.strip())
    start = text.index(begin)
    end = text.index("五、存在的主要问题", start)
    body = text[start:end].rstrip(" \n") if keep_nbsp else text[start:end].rstrip()
    return title + "\n\n" + body + "\n"


def piped_excerpt(text: str, begin: str = "三、收到和处理政府信息公开申请情况") -> str:
    """The lines before the pipe line that holds table 三's section heading (the page's links, the layout table's
    head and rule, the title's row), then that line's fields from the heading's up to section 五's heading's (that
    field left out), between their bars."""
    at = text.index(begin)
    line_start = text.rindex("\n", 0, at) + 1
    start = text.rindex("|", 0, at)
    end = text.rindex("|", 0, text.index("五、存在的主要问题", at)) + 1
    return text[:line_start] + text[start:end] + "\n"


def framed_excerpt(text: str, begin: str = "三、收到和处理政府信息公开申请情况") -> str:
    """The framed lines of the report's title, then the framed lines from table 三's section heading's line up to
    section 五's heading's line, each between the frame's rules."""
    lines = text.splitlines()
    rule = next(line for line in lines if line.startswith("+--"))
    title = next(line for line in lines if line.startswith("| ") and line[2:].strip())
    start = next(k for k, line in enumerate(lines) if begin in line)
    end = next(k for k, line in enumerate(lines) if "五、存在的主要问题" in line and k > start)
    return "\n".join([rule, title, rule, "", rule, *lines[start:end], rule]) + "\n"


def main(folder: Path) -> None:
    for name, source in SNIPPETS.items():
        if not (folder / source).is_file():
            continue
        text = (folder / source).read_text(encoding="utf-8")
        if name in WHOLE:
            cut = text
        elif name in FRAMED:
            cut = framed_excerpt(text)
        elif name in PIPED:
            cut = piped_excerpt(text, *([FROM[name]] if name in FROM else []))
        else:
            cut = excerpt(text, *([FROM[name]] if name in FROM else []), keep_nbsp=name in NBSP_KEPT)
        (OUT / name).write_text(cut, encoding="utf-8")
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
