import { isCursorTimestamp } from '../keysetPage';

// Found by the fuzz: a RECENT cursor whose sort value V8 reads as a date and PostgreSQL does not
// (`["taK;ez%/4", "…"]` was an internal error).
it.each(['taK;ez%/4', 'foo 4', '2024-02-30T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:00:60Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '2024-01-01', '2024-01-01T00:00:00+02:00', ''])(
  'refuses %j as the sort value of a RECENT cursor',
  (value) => {
    expect(isCursorTimestamp(value)).toBe(false);
  },
);

it.each(['2024-05-01T10:20:30.123Z', '2024-02-29T00:00:00Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999999Z'])('accepts %j', (value) => {
  expect(isCursorTimestamp(value)).toBe(true);
});
