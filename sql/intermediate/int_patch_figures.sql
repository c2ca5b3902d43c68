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
    select s.unit_code, s.period, p.period_year, p.period_quarter
    from stg_submissions s
    join int_periods p on p.period = s.period
    where s.source = 'patches'
),

patches as (
    select * from stg_patches
),

sums as (
    select
        patches.unit_code,
        patches.period,
        sum(patches.illegal_farmland_mu)  as illegal_area,
        sum(patches.occupied_farmland_mu) as occupied_area
    from patches
    join snapshots
        on snapshots.unit_code = patches.unit_code
       and snapshots.period = patches.period
    where patches.batch_year = snapshots.period_year
      and patches.batch_quarter <= snapshots.period_quarter
    group by patches.unit_code, patches.period
),

final as (
    select
        snapshots.unit_code,
        snapshots.period,
        'illegal_farmland_ratio'                                             as indicator_code,
        100 * coalesce(sums.illegal_area, 0) / nullif(coalesce(sums.occupied_area, 0), 0) as actual,
        coalesce(sums.illegal_area, 0)                                       as numerator,
        coalesce(sums.occupied_area, 0)                                      as denominator
    from snapshots
    left join sums
        on sums.unit_code = snapshots.unit_code
       and sums.period = snapshots.period
)

select * from final
