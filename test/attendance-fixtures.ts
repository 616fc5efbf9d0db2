/**
 * Test data for `<attendance-by-sector>`: the hard cases in one small
 * envelope. A sector present in one year and absent in the other (Housing,
 * Youth justice), a suppressed value (Police, 2024-25: `c`), a sector with no
 * attendance (Probation, 2024-25: 0) and a sector name of 80 characters.
 */
export const LONG_SECTOR = 'Voluntary, community, faith and social enterprise organisations in north Norfolk';

export function edgeCases(): Record<string, unknown> {
  const rows: [string, string, number | string][] = [
    ['2023-24', 'Health', 40],
    ['2023-24', 'Police', 12],
    ['2023-24', 'Housing', 5],
    ['2023-24', LONG_SECTOR, 11],
    ['2023-24', 'Probation', 3],
    ['2024-25', 'Health', 42],
    ['2024-25', 'Police', 'c'],
    ['2024-25', 'Youth justice', 6],
    ['2024-25', LONG_SECTOR, 17],
    ['2024-25', 'Probation', 0],
  ];
  return {
    title: 'Attendance: hard cases',
    measures: [{ id: 'attendances', label: 'Attendances' }],
    data: rows.map(([period, sector, value]) => ({ measure: 'attendances', period, sector, value })),
  };
}

/** Two years of one sector: the greyscale case (solid latest bar, hatched and outlined previous bar). */
export function oneSector(): Record<string, unknown> {
  return {
    title: 'One sector',
    measures: [{ id: 'attendances', label: 'Attendances' }],
    data: [
      { measure: 'attendances', period: '2023-24', sector: 'Health', value: 38 },
      { measure: 'attendances', period: '2024-25', sector: 'Health', value: 42 },
    ],
  };
}
