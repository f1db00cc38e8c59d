import { describe, expect, test } from 'vitest';
import { detectLanguage, plainlyEnglish } from './language-id.ts';

describe('plainlyEnglish', () => {
  test.each([
    'My parcel never arrived and nobody answers the phone.',
    'WHY WOULD YOU CHARGE ME TWICE FOR THE SAME ORDER?!',
    'I’m still waiting and it’s been three weeks.',
    'Can you send me the actual card?',
  ])('%j is read from its function words', (text) => {
    expect(plainlyEnglish(text)).toBe(true);
    expect(detectLanguage(text)).toBe('en');
  });

  // Written without accents, as people type on phones: the words another language shares with
  // English (is, was, will, to, my, he, has, for, of) must not make it read as English.
  test.each([
    ['Ya he llamado tres veces y no me has contestado nada', 'es'],
    ['Ich will mein Geld zuruck, was soll das denn bitte', 'de'],
    ['Mijn pakket is nooit aangekomen en niemand neemt de telefoon op', 'nl'],
    ['To jest moje trzecie zamowienie i znowu to samo, my nie chcemy tego', 'pl'],
    ['Jeg har ventet alt for lang tid og ingen svarer telefonen', 'da'],
    ['Il pacco non e mai arrivato e nessuno risponde al telefono', 'it'],
    ['Mon colis est arrive casse et personne ne repond au telephone', 'fr'],
    ['Paket saya belum sampai dan tidak ada yang menjawab telepon', 'id'],
  ])('%j is left to the model', (text, language) => {
    expect(plainlyEnglish(text)).toBe(false);
    expect(detectLanguage(text)).toBe(language);
  });

  test.each([
    ['ok thanks', 'too few words'],
    ['Mi paquete nunca llegó, thank you and the rest', 'an accented letter'],
    ['The the the the the the', 'one marker word only'],
    ['Tracking number ABC123 shipped Monday via ground parcel courier and', 'too few markers'],
  ])('%j is not plainly English (%s)', (text) => {
    expect(plainlyEnglish(text)).toBe(false);
  });
});
