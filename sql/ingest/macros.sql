-- Value normalisation of submissions.md ("Values as people type them"), as SQL macros that the
-- checks below use on text landed from the files. Each macro has a fast path (plain values cast
-- directly) so that the regular expressions run only on the values that need them.

-- Full-width digits, point, minus, plus, comma, percent and space to ASCII.
create or replace temp macro nrp_narrow(x) as
  translate(x, '０１２３４５６７８９．－−＋，％　', '0123456789.--+,% ');

-- Empty, -, —, /, 无 (and their full-width twins) mean "no value": never zero.
-- list_contains, not IN: DuckDB rewrites an IN list of several constants into a join, which
-- costs a hash join per use (and macros are used dozens of times per query).
-- CASE keeps it cheap: most values are decided by the null, length or exact-match branch, and
-- trimming runs only for short values with whitespace in them.
create or replace temp macro nrp_blank(x) as
  case
    when x is null then true
    when strlen(x) > 24 then false
    when list_contains(['', '-', '--', '—', '——', '–', '－', '/', '／', '无'], x) then true
    when contains(x, ' ') or contains(x, '　') then
      list_contains(['', '-', '--', '—', '——', '–', '－', '/', '／', '无'], trim(x, ' 　'))
    else false
  end;

-- Text without spaces, thousands separators (, and ，): what remains must be a number.
create or replace temp macro nrp_num_text(x) as
  regexp_replace(nrp_narrow(x), '[\s,]', '', 'g');

-- Drop a trailing unit that matches the column (1200亩, 95%, 3.5万元). These macros use each
-- argument as few times as they can: macros are expanded inline, and an argument used n times
-- is copied n times into the query, which makes planning slow.
create or replace temp macro nrp_strip_unit(s, unit) as
  regexp_replace(s, '(' || coalesce(unit, '') || ')$', '');

-- A plain decimal number, with the multiplier 万 (1.2万 = 12000); null for anything else.
create or replace temp macro nrp_decimal_parts(m) as
  try_cast(m.n as double) * case when m.w = '万' then 10000 else 1 end;
create or replace temp macro nrp_decimal(s) as
  nrp_decimal_parts(regexp_extract(s, '^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(万?)$', ['n', 'w']));

-- A number as typed, in the column's unit; null when blank or not a number (check nrp_blank to
-- tell which). Plain numbers take the cast; only the rest go through the text clean-up.
create or replace temp macro nrp_num_slow(x, unit) as
  case when nrp_blank(x) then null else nrp_decimal(nrp_strip_unit(nrp_num_text(x), unit)) end;
create or replace temp macro nrp_finite(v) as
  case when isfinite(v) then v end;
create or replace temp macro nrp_num(x, unit) as
  case when x is null then null
       when try_cast(x as double) is not null then nrp_finite(try_cast(x as double))
       else nrp_finite(nrp_num_slow(x, unit)) end;

-- Date text (not the fast ISO form) to a date: 2023/3/14, 2023.3.14, 2023年3月14日, 20230314
-- (all rewritten to y-m-d by one regular expression), and Excel serial day numbers (45000 =
-- 2023-03-15; Excel's day 0 is 1899-12-30 after its leap-year bug).
create or replace temp macro nrp_date_serial(c) as
  date '1899-12-30' + cast(floor(try_cast(regexp_extract(c, '^(\d{5}(?:\.\d+)?)$', 1) as double)) as integer);
create or replace temp macro nrp_date_slow(c) as
  coalesce(
    try_cast(regexp_replace(c, '^(\d{4})(?:[/.年-](\d{1,2})[/.月-](\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?|(\d{2})(\d{2}))$', '\1-\2\4-\3\5') as date),
    nrp_date_serial(c));

-- Plausible reporting dates only: a typo far outside is "not a date".
create or replace temp macro nrp_date_range(d) as
  case when d between date '1950-01-01' and date '2100-12-31' then d end;

create or replace temp macro nrp_date(x) as
  case
    when x is null then null
    when strlen(x) = 10 and try_cast(x as date) is not null then nrp_date_range(try_cast(x as date))
    when nrp_blank(x) then null
    when try_cast(x as date) is not null then nrp_date_range(try_cast(x as date))
    else nrp_date_slow(regexp_replace(nrp_narrow(x), '\s', '', 'g'))
  end;

-- Free text: null when blank, trimmed only when it holds spaces (trim on every value is costly).
create or replace temp macro nrp_text(x) as
  case when x is null then null
       when strlen(x) > 3 and not contains(x, ' ') and not contains(x, '　') and not contains(x, '	') then x
       when nrp_blank(x) then null
       else trim(x, ' 　	') end;

-- List values: trimmed, inner spaces removed.
create or replace temp macro nrp_word(x) as
  regexp_replace(x, '[\s　]', '', 'g');

-- 供地方式: 挂牌/拍卖/招标/协议出让 mean 出让.
create or replace temp macro nrp_supply_method_word(x) as
  case x
    when '出让' then '出让' when '挂牌出让' then '出让' when '拍卖出让' then '出让'
    when '招标出让' then '出让' when '协议出让' then '出让' when '招拍挂出让' then '出让'
    when '划拨' then '划拨'
  end;
create or replace temp macro nrp_supply_method(x) as
  case when x in ('出让', '划拨') then x else nrp_supply_method_word(nrp_word(x)) end;

-- 土地用途: a trailing 用地 is dropped.
create or replace temp macro nrp_land_use_word(x) as
  case x
    when '工业' then '工业' when '商服' then '商服' when '商业服务业' then '商服'
    when '住宅' then '住宅' when '公共管理与公共服务' then '公共管理与公共服务'
    when '交通运输' then '交通运输' when '其他' then '其他'
  end;
create or replace temp macro nrp_land_use(x) as
  case when list_contains(['工业', '商服', '住宅', '公共管理与公共服务', '交通运输', '其他'], x) then x
       else nrp_land_use_word(regexp_replace(nrp_word(x), '用地$', '')) end;

create or replace temp macro nrp_yes_no_word(x) as
  case x
    when '是' then true when '否' then false when 'TRUE' then true when 'FALSE' then false
  end;
create or replace temp macro nrp_yes_no(x) as
  case x when '是' then true when '否' then false else nrp_yes_no_word(upper(nrp_word(x))) end;

create or replace temp macro nrp_judgement_word(x) as
  case x when '合法' then '合法' when '违法' then '违法' when '其他' then '其他' end;
create or replace temp macro nrp_judgement(x) as
  case when list_contains(['合法', '违法', '其他'], x) then x else nrp_judgement_word(nrp_word(x)) end;

-- Total rows, notes and signatures (submissions.md, "Total rows, notes and signatures"). Ingest
-- lands each row with its first non-empty cell (lead, trimmed) and where that cell stands from
-- the table's first column (lead_pos, 0-based); this says what the row is:
--   'blank'                      no cell holds anything;
--   '合计' '总计' '小计' '累计'   a total row: that word (spaces inside allowed: 合 计) is the
--                                first non-empty cell among the table's first three columns,
--                                in a table that has total rows (`totals`), whatever else it holds;
--   'footer'                     the cell starts with a footer word (填表说明, 说明, 备注, 注：, 注:,
--                                填表人, 填报人, 审核人, 负责人, 单位负责人, 制表人, 联系电话,
--                                填报日期; spaces inside allowed, as in 备  注): notes and signatures;
--   null                         anything else (a data row).
-- Every such word starts with a CJK ideograph (U+4E00 on), so a row whose lead starts below it
-- (ids, numbers, dates: nearly every row) is decided by one comparison; one starting with any
-- other character than these words start with (a Chinese id or name) by a second.
create or replace temp macro nrp_row_kind_word(w, lead_pos, totals) as
  case
    when totals and lead_pos < 3 and list_contains(['合计', '总计', '小计', '累计'], w) then w
    when regexp_matches(w, '^(填表说明|说明|备注|注:|注：|填表人|填报人|审核人|负责人|单位负责人|制表人|联系电话|填报日期)') then 'footer'
  end;
create or replace temp macro nrp_row_kind(lead, lead_pos, totals) as
  case
    when lead is null then 'blank'
    when unicode(lead) < 19968 then null
    when not list_contains(['合', '总', '小', '累', '填', '说', '备', '注', '审', '负', '单', '制', '联'], left(lead, 1)) then null
    else nrp_row_kind_word(regexp_replace(left(lead, 40), '[\s　]', '', 'g'), lead_pos, totals)
  end;

-- A CSV cell as a lead candidate: null when empty or only spaces. The usual cell (starting with
-- neither a space nor a full-width space) is taken as it is, without trimming.
create or replace temp macro nrp_cell(x) as
  case
    when x is null or x = '' then null
    when unicode(x) > 32 and unicode(x) <> 12288 then x
    else nullif(trim(x, ' 	　'), '')
  end;

-- 进展状态 (key-tasks.md, "Progress submissions"): 已完成 (also 完成, 已办结), 推进中 (进行中,
-- 正在推进), 未启动 (未开始); spaces anywhere ignored. Null for anything else (K3).
create or replace temp macro nrp_progress_status_word(x) as
  case x
    when '已完成' then '已完成' when '完成' then '已完成' when '已办结' then '已完成'
    when '推进中' then '推进中' when '进行中' then '推进中' when '正在推进' then '推进中'
    when '未启动' then '未启动' when '未开始' then '未启动'
  end;
create or replace temp macro nrp_progress_status(x) as
  case when list_contains(['已完成', '推进中', '未启动'], x) then x else nrp_progress_status_word(nrp_word(x)) end;

-- 任务编号 as the catalogue writes it (T1-1): full-width letters, digits and dashes narrowed,
-- spaces dropped, upper case.
create or replace temp macro nrp_task_code(x) as
  upper(nrp_word(translate(nrp_narrow(x), 'Ｔｔ—–', 'TT--')));
