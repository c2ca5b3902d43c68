-- description: illegal_farmland_ratio per unit × period from the 卫片图斑 table: patches of the period's year whose monitoring batch is not after the period.
-- column unit_code: Reporting unit code
-- column period: Period code
-- column indicator_code: Catalogue code (illegal_farmland_ratio)
-- column actual: 100 × illegal / occupied farmland area, percent (null where no farmland was occupied)
-- column numerator: Σ 违法占用耕地面积, 亩
-- column denominator: Σ 新增建设占用耕地面积, 亩

-- A patch from a later batch than the period is refused (left out); earlier batches of the same
-- year are counted, because the table holds all the year's batches up to the period.

with

snapshots as (
    select s.submission_id, s.unit_code, s.period
    from stg_submissions s
    join int_periods p on p.period = s.period
    where s.source = 'patches'
),

patches as (
    select * from stg_patches
),

-- Joined on the integer submission_id and compared as period codes ('2023Q1' ≤ '2023Q2', the
-- macro kpi_batch_in_window of sql/macros/kpi.sql), which keeps the 10-million-row province case fast.
-- fsum and kpi_amount (sql/macros/kpi.sql): totals with the same bits whatever order the rows
-- arrive in (a rebuild, another thread count, a build over the lake).
sums as (
    select
        patches.submission_id,
        kpi_amount(fsum(patches.illegal_farmland_mu))  as illegal_area,
        kpi_amount(fsum(patches.occupied_farmland_mu)) as occupied_area
    from patches
    join snapshots on snapshots.submission_id = patches.submission_id
    where kpi_batch_in_window(patches.batch, snapshots.period)
    group by patches.submission_id
),

final as (
    select
        snapshots.unit_code,
        snapshots.period,
        'illegal_farmland_ratio'                                             as indicator_code,
        kpi_rate(coalesce(sums.illegal_area, 0), coalesce(sums.occupied_area, 0)) as actual,
        coalesce(sums.illegal_area, 0)                                       as numerator,
        coalesce(sums.occupied_area, 0)                                      as denominator
    from snapshots
    left join sums on sums.submission_id = snapshots.submission_id
)

select * from final
