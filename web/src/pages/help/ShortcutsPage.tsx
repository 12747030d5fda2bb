/** Help → Keyboard shortcuts: the full list by screen; F1 shows those of the current screen. */
import type { MessageKey } from '../../i18n/index.tsx';
import { useT } from '../../i18n/index.tsx';
import { displayKeys, useShortcutOverview } from '../../shortcuts.tsx';

const REFERENCE: Array<{ group: MessageKey; rows: Array<[string, MessageKey]> }> = [
  {
    group: 'shortcuts.group.general',
    rows: [
      ['F1', 'shortcuts.f1'],
      ['Alt+letter', 'shortcuts.altLetter'],
      ['Escape', 'shortcuts.escape'],
    ],
  },
  {
    group: 'shortcuts.group.lists',
    rows: [
      ['Ctrl+F', 'shortcuts.search'],
      ['ArrowUp', 'shortcuts.previousRow'],
      ['ArrowDown', 'shortcuts.nextRow'],
      ['Enter', 'shortcuts.openRow'],
      ['Space', 'shortcuts.toggleRow'],
      ['PageUp', 'shortcuts.previousPage'],
      ['PageDown', 'shortcuts.nextPage'],
      ['F5', 'shortcuts.refresh'],
      ['Ctrl+P', 'shortcuts.print'],
    ],
  },
  {
    group: 'shortcuts.group.management',
    rows: [
      ['Ctrl+N', 'shortcuts.new'],
      ['Ctrl+E', 'shortcuts.edit'],
      ['Ctrl+S', 'shortcuts.save'],
      ['Ctrl+P', 'shortcuts.print'],
      ['Ctrl+F', 'shortcuts.search'],
      ['Delete', 'shortcuts.delete'],
      ['Ctrl+A', 'shortcuts.selectAll'],
      ['Ctrl+Home', 'shortcuts.firstRecord'],
      ['Ctrl+End', 'shortcuts.lastRecord'],
      ['Ctrl+ArrowLeft', 'shortcuts.previousRecord'],
      ['Ctrl+ArrowRight', 'shortcuts.nextRecord'],
      ['Escape', 'shortcuts.cancelEdit'],
    ],
  },
  {
    group: 'menu.accounting',
    rows: [
      ['F12', 'bk.key.post'],
      ['Ctrl+Enter', 'bk.key.post'],
      ['F5', 'bk.key.recalc'],
      ['Insert', 'bk.key.insert'],
      ['Alt+Insert', 'bk.key.copyLine'],
      ['F10', 'bk.key.swapSides'],
      ['Ctrl+N', 'bk.key.new'],
      ['Ctrl+O', 'bk.key.open'],
      ['Ctrl+Alt+N', 'bk.key.copy'],
      ['Ctrl+R', 'bk.key.newRelation'],
      ['Ctrl+B', 'bk.key.newAccount'],
      ['Ctrl+-', 'bk.key.previous'],
      ['Ctrl++', 'bk.key.next'],
      ['Ctrl+H', 'bk.key.history'],
      ['F4', 'matching.key.fromBooking'],
      ['Ctrl+1', 'bk.key.tab2'],
      ['Ctrl+2', 'bk.key.tab3'],
      ['Ctrl+F4', 'bk.key.closeTab'],
      ['F2', 'bk.key.searchList'],
      ['Alt+N', 'bk.key.searchNew'],
      ['Alt+O', 'bk.key.searchOpen'],
    ],
  },
  {
    group: 'menu.matching',
    rows: [
      ['F4', 'matching.key.fromBooking'],
      ['F3', 'matching.key.back'],
      ['Space', 'matching.key.select'],
      ['Enter', 'matching.key.match'],
      ['F10', 'matching.key.equal'],
      ['F11', 'matching.key.auto'],
      ['F8', 'matching.key.netZero'],
      ['Ctrl+D', 'matching.key.showMatched'],
      ['Ctrl+ArrowLeft', 'matching.key.previous'],
      ['Ctrl+ArrowRight', 'matching.key.next'],
      ['F9', 'matching.key.cancel'],
      ['Ctrl+H', 'relationLedger.key.open'],
    ],
  },
  {
    group: 'relationLedger.title',
    rows: [
      ['Ctrl+F', 'relationLedger.key.search'],
      ['ArrowUp', 'relationLedger.key.up'],
      ['ArrowDown', 'relationLedger.key.down'],
      ['Enter', 'relationLedger.key.toMatch'],
    ],
  },
  {
    group: 'menu.bankImport',
    rows: [['F12', 'bank.import.submit']],
  },
  {
    group: 'menu.unassignedBankLines',
    rows: [
      ['ArrowUp', 'bank.unassigned.key.move'],
      ['ArrowDown', 'bank.unassigned.key.move'],
      ['Enter', 'bank.unassigned.key.assign'],
      ['Space', 'shortcuts.toggleRow'],
      ['F12', 'bank.assign.key.save'],
    ],
  },
  {
    group: 'menu.openingBookings',
    rows: [
      ['F12', 'bk.key.post'],
      ['Ctrl+Enter', 'bk.key.post'],
      ['Insert', 'bk.key.insert'],
      ['Ctrl+N', 'bk.key.new'],
      ['Ctrl+O', 'ob.key.open'],
      ['Ctrl+Alt+N', 'ob.key.reenter'],
      ['Ctrl+R', 'bk.key.newRelation'],
      ['Ctrl+B', 'bk.key.newAccount'],
    ],
  },
];

export default function ShortcutsPage() {
  const t = useT();
  const openOverview = useShortcutOverview();
  return (
    <div className="page">
      <h1>{t('menu.shortcuts')}</h1>
      <p>{t('shortcuts.pageIntro')}</p>
      <p>
        <button type="button" onClick={openOverview}>
          {t('shortcuts.showCurrent')}
        </button>
      </p>
      <p className="muted">{t('shortcuts.ctrlNNote')}</p>
      {REFERENCE.map((section) => (
        <section key={section.group}>
          <h2>{t(section.group)}</h2>
          <table className="grid shortcut-table">
            <thead>
              <tr>
                <th scope="col">{t('shortcuts.key')}</th>
                <th scope="col">{t('shortcuts.action')}</th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map(([keys, description]) => (
                <tr key={keys + description}>
                  <td>
                    <kbd>{keys === 'Alt+letter' ? t('shortcuts.altLetterKey') : displayKeys(keys)}</kbd>
                  </td>
                  <td>{t(description)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
