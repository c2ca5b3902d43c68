-- description: Figures computed from each unit's 供地台账 per period (land_supply, industrial_share, transfer_revenue, stock_land_revitalized, commencement_rate, completion_rate), one row per unit × period × indicator.
-- column unit_code: Reporting unit code
-- column period: Period code
-- column indicator_code: Catalogue code
-- column actual: Value: 亩 or 亿元 for amounts, percent for rates (null where the denominator is 0)
-- column numerator: Rates: numerator (亩 for industrial_share, parcels for commencement and completion)
-- column denominator: Rates: denominator

-- Windows (kpis.md): supply within [Y-01-01, P]. A parcel is due to start where its start due
-- date (extension first) is ≤ P and it had not started before Y-01-01; parcels supplied in earlier
-- years are due like any other. Completion likewise with the completion dates. The rules are the
-- macros of sql/macros/kpi.sql (kpi_in_window, kpi_is_due, kpi_is_done, kpi_rate), which ingest's
-- declared-vs-computed warning and the sample generator use too.

with

snapshots as (
    select s.submission_id, s.unit_code, s.period, p.period_start, p.period_end
    from stg_submissions s
    join int_periods p on p.period = s.period
    where s.source = 'land_supply'
),

ledger as (
    select * from stg_land_supply
),

flagged as (
    select
        ledger.submission_id,
        ledger.area_mu,
        ledger.price_wan,
        ledger.supply_method = '出让'                                         as is_transfer,
        ledger.land_use = '工业'                                              as is_industrial,
        ledger.is_stock,
        kpi_in_window(ledger.supply_date, snapshots.period_start, snapshots.period_end) as supplied_in_window,
        kpi_is_due(ledger.start_due_date, ledger.actual_start_date, snapshots.period_start, snapshots.period_end)       as start_due,
        kpi_is_done(ledger.start_due_date, ledger.actual_start_date, snapshots.period_start, snapshots.period_end)      as started,
        kpi_is_due(ledger.completion_due_date, ledger.actual_completion_date, snapshots.period_start, snapshots.period_end)  as completion_due,
        kpi_is_done(ledger.completion_due_date, ledger.actual_completion_date, snapshots.period_start, snapshots.period_end) as completed
    from ledger
    join snapshots on snapshots.submission_id = ledger.submission_id
),

-- fsum (compensated summation) keeps the error of a sum of thousands of rows far below 1e-6, and
-- kpi_amount takes the total to 6 decimals: the same bits whatever order the rows arrive in (a
-- rebuild, another thread count, a build over the lake).
sums as (
    select
        submission_id,
        kpi_amount(fsum(area_mu) filter (where supplied_in_window))                                  as supplied_area,
        kpi_amount(fsum(area_mu) filter (where supplied_in_window and is_transfer and is_industrial)) as transfer_industrial_area,
        kpi_amount(fsum(area_mu) filter (where supplied_in_window and is_transfer))                  as transfer_area,
        kpi_amount(fsum(price_wan) filter (where supplied_in_window and is_transfer))                as transfer_price_wan,
        kpi_amount(fsum(area_mu) filter (where supplied_in_window and is_stock))                     as stock_area,
        count(*) filter (where start_due)                                               as start_due_count,
        count(*) filter (where started)                                                 as started_count,
        count(*) filter (where completion_due)                                          as completion_due_count,
        count(*) filter (where completed)                                               as completed_count
    from flagged
    group by submission_id
),

-- A ledger with no rows (or none in the window) still counts: its sums are 0, not unknown.
per_snapshot as (
    select
        snapshots.unit_code,
        snapshots.period,
        coalesce(sums.supplied_area, 0)               as supplied_area,
        coalesce(sums.transfer_industrial_area, 0)    as transfer_industrial_area,
        coalesce(sums.transfer_area, 0)               as transfer_area,
        coalesce(sums.transfer_price_wan, 0)          as transfer_price_wan,
        coalesce(sums.stock_area, 0)                  as stock_area,
        cast(coalesce(sums.start_due_count, 0) as double)      as start_due_count,
        cast(coalesce(sums.started_count, 0) as double)        as started_count,
        cast(coalesce(sums.completion_due_count, 0) as double) as completion_due_count,
        cast(coalesce(sums.completed_count, 0) as double)      as completed_count
    from snapshots
    left join sums on sums.submission_id = snapshots.submission_id
),

final as (
    select unit_code, period, 'land_supply' as indicator_code,
           supplied_area as actual, cast(null as double) as numerator, cast(null as double) as denominator
    from per_snapshot
    union all
    select unit_code, period, 'industrial_share',
           kpi_rate(transfer_industrial_area, transfer_area), transfer_industrial_area, transfer_area
    from per_snapshot
    union all
    select unit_code, period, 'transfer_revenue', transfer_price_wan / 10000, null, null
    from per_snapshot
    union all
    select unit_code, period, 'stock_land_revitalized', stock_area, null, null
    from per_snapshot
    union all
    select unit_code, period, 'commencement_rate',
           kpi_rate(started_count, start_due_count), started_count, start_due_count
    from per_snapshot
    union all
    select unit_code, period, 'completion_rate',
           kpi_rate(completed_count, completion_due_count), completed_count, completion_due_count
    from per_snapshot
)

select * from final
